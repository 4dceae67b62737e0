package org.momentgraph.encoders.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.momentgraph.graph.query.QueryGraph;
import org.momentgraph.graph.query.QueryNode;
import org.momentgraph.graph.query.QueryParser;

class MiniLmWordEmbedderTest {

    @Test
    void queryGraphNodesGetMiniLmFeatures() {
        try (MiniLmTextEncoder encoder = MiniLmTextEncoder.builder().build()) {
            QueryParser parser = QueryParser.load();
            MiniLmWordEmbedder embedder = new MiniLmWordEmbedder(encoder);
            QueryGraph cup = parser.parse("a man picks up a cup from the couch.", embedder);
            QueryGraph mug = parser.parse("a woman grabs a mug from the sofa.", embedder);
            QueryGraph dog = parser.parse("a dog is sleeping on the bed.", embedder);
            for (QueryNode node : cup.graph().vertexSet()) {
                assertThat(node.feature()).as(node.toString()).hasValueSatisfying(f -> assertThat(f).hasSize(384));
            }
            float[] cupVec = entity(cup, "cup");
            assertThat(Vectors.cosine(cupVec, entity(mug, "mug"))).isGreaterThan(Vectors.cosine(cupVec, entity(dog, "dog")));
            assertThat(Vectors.cosine(entity(cup, "couch"), entity(mug, "sofa")))
                    .isGreaterThan(Vectors.cosine(entity(cup, "couch"), entity(dog, "dog")));
        }
    }

    private static float[] entity(QueryGraph g, String lemma) {
        return g.entities().stream().filter(e -> e.lemma().equals(lemma)).findFirst().orElseThrow().feature().orElseThrow();
    }
}
