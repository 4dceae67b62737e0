package org.momentgraph.graph.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Box;

class RelationsTest {

    private final SpatialRelations spatial = new SpatialRelations(RelationConfig.defaults());
    private final MotionRelations motion = new MotionRelations(RelationConfig.defaults());

    private static List<RelationType> types(List<Relation> rs) {
        return rs.stream().map(Relation::type).toList();
    }

    @Test
    void overlappingSideBySideBoxesAreInContactNearAndOrdered() {
        Box person = new Box(100, 50, 200, 300);
        Box couch = new Box(180, 250, 500, 340);
        assertThat(types(spatial.between(person, couch)))
                .contains(RelationType.CONTACT, RelationType.LEFT_OF, RelationType.ABOVE)
                .doesNotContain(RelationType.RIGHT_OF, RelationType.BELOW, RelationType.INSIDE);
        assertThat(types(spatial.between(couch, person))).contains(RelationType.CONTACT, RelationType.RIGHT_OF,
                RelationType.BELOW);
    }

    @Test
    void aSmallBoxWithinALargeOneIsInsideIt() {
        Box cup = new Box(110, 110, 130, 140);
        Box table = new Box(50, 100, 400, 300);
        assertThat(types(spatial.between(cup, table))).contains(RelationType.INSIDE, RelationType.CONTACT);
        assertThat(types(spatial.between(table, cup))).doesNotContain(RelationType.INSIDE);
    }

    @Test
    void distantBoxesHaveNoSpatialRelation() {
        assertThat(spatial.between(new Box(0, 0, 10, 10), new Box(500, 300, 510, 310))).isEmpty();
    }

    @Test
    void motionIsApproachingApartOrTogether() {
        Box a0 = new Box(0, 0, 50, 50);
        Box a1 = new Box(50, 0, 100, 50); // a moves 50 px right in 1 s: about 0.7 diagonals/s
        Box b = new Box(300, 0, 350, 50);
        assertThat(types(motion.between(a0, a1, b, b, 1))).containsExactly(RelationType.APPROACHING);
        assertThat(types(motion.between(a1, a0, b, b, 1))).containsExactly(RelationType.MOVING_APART);
        Box b1 = new Box(350, 0, 400, 50);
        assertThat(types(motion.between(a0, a1, b, b1, 1))).containsExactly(RelationType.MOVING_TOGETHER);
        assertThat(motion.between(a0, a1, b, b, 0.1)).as("too short to judge").isEmpty();
        assertThat(motion.between(a0, a0, b, b, 1)).as("nobody moves").isEmpty();
        Box bCloser = new Box(250, 0, 300, 50);
        assertThat(types(motion.between(a0, a0, b, bCloser, 1))).as("b comes to a, a does not approach b")
                .isEmpty();
        assertThat(types(motion.between(b, bCloser, a0, a0, 1))).containsExactly(RelationType.APPROACHING);
    }

    @Test
    void scoresStayInUnitIntervalAndTypesParse() {
        for (Relation r : spatial.between(new Box(0, 0, 100, 100), new Box(0, 0, 100, 100))) {
            assertThat(r.score()).isBetween(0.0, 1.0);
        }
        assertThat(RelationType.parse("left-of")).isEqualTo(RelationType.LEFT_OF);
        assertThat(RelationType.SAME_TRACK.key()).isEqualTo("same_track");
        assertThatThrownBy(() -> RelationType.parse("eats")).hasMessageContaining("near");
    }
}
