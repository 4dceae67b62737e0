package org.momentgraph.graph.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryGraphFeaturesTest {

    private static QueryParser parser;

    @BeforeAll
    static void load() {
        parser = QueryParser.load();
    }

    /** A fake embedder: word i of the sentence gets the vector (i, length of word). */
    private static final WordEmbedder POSITIONS = words -> {
        float[][] v = new float[words.size()][];
        for (int i = 0; i < words.size(); i++) {
            v[i] = new float[] {i, words.get(i).length()};
        }
        return v;
    };

    @Test
    void nodeFeaturesAreTheMeanOfTheirWordsVectors() {
        QueryGraph g = parser.parse("person turn the light switch on.", POSITIONS);
        QueryNode sw = g.entities().stream().filter(e -> e.head().equals("switch")).findFirst().orElseThrow();
        assertThat(sw.words()).containsExactly("light", "switch");
        assertThat(sw.feature()).hasValueSatisfying(f -> assertThat(f).containsExactly(3.5f, 5.5f));
        QueryNode turnOn = g.predicates().get(0);
        assertThat(turnOn.lemma()).isEqualTo("turn on");
        assertThat(turnOn.tokenIndices()).containsExactly(1, 5);
        assertThat(turnOn.spanStart()).isEqualTo(1);
        assertThat(turnOn.spanEnd()).isEqualTo(6);
        assertThat(turnOn.feature()).hasValueSatisfying(f -> assertThat(f).containsExactly(3f, 3f));
        assertThat(parser.parse("person turn the light switch on.").entities().get(0).feature()).isEmpty();
    }

    @Test
    void embedderGivingTheWrongNumberOfVectorsIsRejected() {
        assertThatThrownBy(() -> parser.parse("person opens a door.", words -> new float[1][2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vectors");
    }

    @Test
    void entitiesCarryCanonicalClassesAndKeepTheirSurfaceWords() {
        QueryGraph g = parser.parse("A man grabs a mug from the couch while a lady watches the TV.");
        assertThat(g.entities()).extracting(QueryNode::canonicalClass)
                .containsExactly("person", "cup", "sofa", "person", "television");
        assertThat(g.entities()).extracting(QueryNode::lemma).containsExactly("man", "mug", "couch", "lady", "tv");
        QueryGraph names = parser.parse("Sheldon gives Penny a cell phone.");
        assertThat(names.entities()).extracting(QueryNode::isProperName).containsExactly(true, true, false);
        assertThat(names.entities()).extracting(QueryNode::canonicalClass).containsExactly("sheldon", "penny", "phone");
        assertThat(names.triples()).extracting(Triple::lemmas)
                .containsExactly("sheldon|give|penny", "sheldon|give|cell phone");
    }

    @Test
    void oddInputGivesAnEmptyOrSmallGraphNotAnException() {
        for (String s : List.of("", "   ", ".", "??", "the", "person", "walks", "Sheldon's", "'s 's", "-- , and then")) {
            QueryGraph g = parser.parse(s);
            assertThat(g.text()).isEqualTo(s);
            assertThat(g.graph().vertexSet().size()).isLessThanOrEqualTo(2);
        }
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void edgesHaveTheDocumentedDirections() {
        QueryGraph g = parser.parse("person puts a cup on the table then sits down.");
        for (QueryEdge e : g.graph().edgeSet()) {
            QueryNode from = g.graph().getEdgeSource(e);
            QueryNode to = g.graph().getEdgeTarget(e);
            switch (e.kind()) {
                case SUBJECT -> assertThat(from.isEntity() && to.isPredicate()).isTrue();
                case OBJECT -> assertThat(from.isPredicate() && to.isEntity()).isTrue();
                case TEMPORAL -> assertThat(from.isPredicate() && to.isPredicate() && from.spanStart() < to.spanStart()).isTrue();
            }
        }
        assertThat(g.triples()).extracting(Triple::lemmas).containsExactly("person|put|cup", "cup|on|table");
        assertThat(g.temporalOrder()).hasSize(1);
    }

    @Test
    void canonicalClassesAndLemmas() {
        assertThat(ObjectClasses.canonical("Coffee_Cup")).isEqualTo("cup");
        assertThat(ObjectClasses.canonical("coffee table")).isEqualTo("table");
        assertThat(ObjectClasses.canonical("cell phone")).isEqualTo("phone");
        assertThat(ObjectClasses.canonical("guy")).isEqualTo("person");
        assertThat(ObjectClasses.canonical("laptop")).isEqualTo("laptop");
        assertThat(List.of("took", "sitting", "closes", "tries", "grabbed", "opening", "taking", "leaves", "watches",
                "snuggling", "gets", "smiling", "entering")).extracting(Lemmas::verb)
                .containsExactly("take", "sit", "close", "try", "grab", "open", "take", "leave", "watch", "snuggle", "get",
                        "smile", "enter");
        assertThat(List.of("cups", "dishes", "men", "clothes", "glasses", "shelves", "berries", "boxes", "bus"))
                .extracting(Lemmas::noun)
                .containsExactly("cup", "dish", "man", "clothes", "glasses", "shelf", "berry", "box", "bus");
    }
}
