package org.momentgraph.graph.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jgrapht.Graph;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.relation.RelationType;
import org.momentgraph.graph.track.SyntheticScene;

class VideoGraphBuilderTest {

    /** A person walks right at 60 px/s from x=0 toward a couch at x=400..600 and sits down (stops) on it. */
    private static List<FrameDetections> personWalksToCouch() {
        List<FrameDetections> frames = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            double t = f / 3.0;
            double x = Math.min(60 * t, 420);
            frames.add(new FrameDetections("walk", t, List.of(
                    new Detection(f % 7 == 3 ? "man" : "person", 0.9, new Box(x, 40, x + 100, 300)),
                    new Detection("couch", 0.8, new Box(400, 200, 600, 340)))));
        }
        return frames;
    }

    @Test
    void aWalkTowardACouchEndsInContact() {
        VideoGraph vg = VideoGraphBuilder.builder().build().build(new Video("walk", 10, 2), personWalksToCouch());
        assertThat(vg.tracks()).hasSize(2);
        assertThat(vg.clips()).hasSize(5);
        ClipGraph first = vg.clip(0);
        assertThat(first.graph().vertexSet()).extracting(ObjectNode::label).containsExactlyInAnyOrder("person", "couch");
        assertThat(relations(first.graph(), "person", "couch")).contains(RelationType.APPROACHING, RelationType.LEFT_OF)
                .doesNotContain(RelationType.CONTACT);
        assertThat(relations(first.graph(), "couch", "person")).contains(RelationType.RIGHT_OF)
                .doesNotContain(RelationType.APPROACHING);
        ClipGraph last = vg.clip(4);
        assertThat(relations(last.graph(), "person", "couch")).doesNotContain(RelationType.APPROACHING);
        assertThat(relations(last.graph(), "person", "couch")).contains(RelationType.CONTACT);
        // the whole graph: 2 tracks x 5 clips, 2 x 4 SAME_TRACK links, each between neighbouring clips
        Graph<ObjectNode, RelationEdge> g = vg.graph();
        assertThat(g.vertexSet()).hasSize(10);
        List<RelationEdge> sameTrack = g.edgeSet().stream().filter(e -> e.type() == RelationType.SAME_TRACK).toList();
        assertThat(sameTrack).hasSize(8).allSatisfy(e -> {
            assertThat(g.getEdgeTarget(e).clipIndex()).isEqualTo(g.getEdgeSource(e).clipIndex() + 1);
            assertThat(g.getEdgeTarget(e).trackId()).isEqualTo(g.getEdgeSource(e).trackId());
        });
        assertThat(g.edgeSet()).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(RelationType.APPROACHING);
            assertThat(g.getEdgeTarget(e).clipIndex()).isEqualTo(g.getEdgeSource(e).clipIndex() + 1);
        });
    }

    @Test
    void syntheticVideosGiveConsistentGraphsAndFeatures() {
        SyntheticScene scene = SyntheticScene.generate(SyntheticScene.Spec.typical("syn"), 7);
        VideoGraph vg = VideoGraphBuilder.builder().labelFeatures(l -> new float[] {l.length(), 1})
                .build().build(new Video("syn", 60, 1.5), scene.frames());
        assertThat(vg.clips()).hasSize(40);
        int clipEdges = 0;
        for (ClipGraph c : vg.clips()) {
            assertThat(c.graph().vertexSet()).isNotEmpty().allSatisfy(n -> {
                assertThat(n.clipIndex()).isEqualTo(c.clipIndex());
                assertThat(n.feature()).containsExactly(n.label().length(), 1);
                assertThat(n.confidence()).isBetween(0.0, 1.0);
            });
            for (RelationEdge e : c.graph().edgeSet()) {
                assertThat(e.type().kind()).isNotEqualTo(RelationType.Kind.TEMPORAL);
                if (e.type().symmetric()) {
                    assertThat(c.graph().getEdgeSource(e).trackId()).isLessThan(c.graph().getEdgeTarget(e).trackId());
                }
            }
            clipEdges += c.graph().edgeSet().size();
        }
        Graph<ObjectNode, RelationEdge> g = vg.graph();
        assertThat(g.edgeSet().size()).isGreaterThan(clipEdges);
        for (RelationEdge e : g.edgeSet()) {
            int gap = g.getEdgeTarget(e).clipIndex() - g.getEdgeSource(e).clipIndex();
            assertThat(gap).isBetween(0, 1);
        }
        ClipGraphFeatures f = vg.clip(10).features();
        assertThat(f.nodes()).isEqualTo(vg.clip(10).graph().vertexSet().size());
        assertThat(f.labelCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(f.nodes());
        assertThat(f.tripleCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(f.edges());
        float[] v = f.vector(List.of("person", "couch"), 16);
        assertThat(v).hasSize(2 + 2 + 1 + RelationType.values().length + 16);
        float tripleSum = 0;
        for (int i = v.length - 16; i < v.length; i++) {
            tripleSum += v[i];
        }
        assertThat(tripleSum).isEqualTo(f.edges());
        assertThat(v[2] + v[3] + v[4]).isEqualTo(f.nodes());
    }

    @Test
    void gapsBetweenObservationsAreBridgedOnlyWhenInterpolating() {
        List<FrameDetections> sparse = List.of(
                new FrameDetections("s", 0, List.of(new Detection("cup", 0.9, new Box(0, 0, 10, 10)))),
                new FrameDetections("s", 2.0, List.of(new Detection("cup", 0.9, new Box(2, 0, 12, 10)))));
        Video video = new Video("s", 3, 0.5);
        VideoGraph bridged = VideoGraphBuilder.builder().build().build(video, sparse);
        assertThat(bridged.graph().vertexSet()).hasSize(5).filteredOn(ObjectNode::interpolated).hasSize(3);
        VideoGraph raw = VideoGraphBuilder.builder().interpolateGaps(false).build().build(video, sparse);
        assertThat(raw.graph().vertexSet()).hasSize(2);
        assertThat(raw.graph().edgeSet()).isEmpty();
    }

    private static List<RelationType> relations(Graph<ObjectNode, RelationEdge> g, String from, String to) {
        return g.edgeSet().stream()
                .filter(e -> g.getEdgeSource(e).label().equals(from) && g.getEdgeTarget(e).label().equals(to))
                .map(RelationEdge::type).toList();
    }

}
