package org.momentgraph.graph.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.export.GraphExporter;
import org.momentgraph.graph.export.GraphFormat;
import org.momentgraph.graph.export.GraphView;
import org.momentgraph.graph.query.QueryGraph;
import org.momentgraph.graph.query.QueryParser;
import org.momentgraph.graph.relation.RelationType;
import org.momentgraph.graph.video.VideoGraph;
import org.momentgraph.graph.video.VideoGraphBuilder;

/**
 * The adapter from video and query graphs to network input, presence matching and the matched
 * multimodal graph export, on a generated two-clip video: clip 0 holds a man touching a cup, clip 1
 * the man alone walking.
 */
class GraphPairEncoderTest {

    private static final int DIM = 8;
    /** A tiny deterministic stand-in for a label embedding: hashed character trigrams. */
    static final Function<String, float[]> FAKE_EMBEDDING = text -> {
        float[] v = new float[DIM];
        String padded = "#" + text + "#";
        for (int i = 0; i + 3 <= padded.length(); i++) {
            v[Math.floorMod(padded.substring(i, i + 3).hashCode(), DIM)] += 1;
        }
        return v;
    };

    private static QueryGraph query;
    private static VideoGraph video;

    @BeforeAll
    static void build() {
        query = QueryParser.load().parse("The man picks up the cup.");
        List<FrameDetections> frames = new ArrayList<>();
        for (int f = 0; f < 12; f++) {
            double t = f / 3.0;
            List<Detection> dets = new ArrayList<>();
            double x = t < 2 ? 100 : 100 + 60 * (t - 2);
            dets.add(new Detection("person", 0.9, new Box(x, 100, x + 80, 300)));
            if (t < 2) {
                dets.add(new Detection("cup", 0.8, new Box(170, 180, 200, 210)));
            }
            frames.add(new FrameDetections("v", t, dets));
        }
        video = VideoGraphBuilder.builder().build().build(new Video("v", 4, 2), frames);
    }

    @Test
    void encodesObjectsRelationsAndTheQueryGraph() {
        GraphPairEncoder encoder = new GraphPairEncoder(FAKE_EMBEDDING, DIM);
        List<EncodedClip> clips = encoder.clips(video);
        assertThat(clips).hasSize(2);
        EncodedClip first = clips.get(0);
        assertThat(first.objects()).extracting(o -> o.label()).containsExactlyInAnyOrder("person", "cup");
        assertThat(first.nodes()[0]).hasSize(DIM + GraphPairEncoder.NODE_GEOMETRY);
        int person = first.objects().get(0).label().equals("person") ? 0 : 1;
        int cup = 1 - person;
        assertThat(first.nodes()[person]).startsWith(FAKE_EMBEDDING.apply("person"));
        // the cup lies inside the person's box region: contact is symmetric, so it reads both ways
        float[] edge = first.edges()[person][cup];
        assertThat(edge).hasSize(GraphPairEncoder.EDGE_DIM);
        assertThat(edge[RelationType.CONTACT.ordinal()]).isGreaterThan(0);
        assertThat(first.edges()[cup][person][RelationType.CONTACT.ordinal()]).isGreaterThan(0);
        assertThat(first.relations().get(person).get(cup)).contains("contact");
        EncodedClip second = clips.get(1);
        assertThat(second.objects()).extracting(o -> o.label()).containsExactly("person");
        // the man walks in clip 1: his centre displacement is positive
        assertThat(second.nodes()[0][DIM + 6]).isGreaterThan(0.1f);
        assertThat(second.nodes()[0][DIM + 8]).as("signed dx: he walks right").isGreaterThan(0.1f);

        EncodedQuery q = encoder.query(query);
        assertThat(q.nodes()).extracting(n -> n.lemma()).containsExactly("man", "cup", "pick up");
        assertThat(q.kinds()).containsExactly(RelationalGraphNetwork.KIND_ENTITY, RelationalGraphNetwork.KIND_ENTITY,
                RelationalGraphNetwork.KIND_PREDICATE);
        assertThat(q.adjacency()[0][2]).as("man is the subject of pick up").isTrue();
        assertThat(q.adjacency()[2][1]).as("cup is the object of pick up").isTrue();
        assertThat(q.features()[1]).containsExactly(FAKE_EMBEDDING.apply("cup"));

        GraphNetworkConfig config = encoder.config(16, 1);
        GraphBatch batch = new GraphBatch(config).add(q.with(first)).add(q.with(second));
        assertThat(batch.size()).isEqualTo(2);
        assertThatThrownBy(() -> new GraphBatch(encoder.config(16, 1).withRounds(1)).add(
                new GraphBatch.Pair(new float[][] {{1}}, new float[1][1][], q.features(), q.kinds(), q.adjacency())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("video node");
    }

    @Test
    void presenceMatchingExplainsAndExportsTheMatchedGraph() {
        GraphPairEncoder encoder = new GraphPairEncoder(FAKE_EMBEDDING, DIM);
        List<EncodedClip> clips = encoder.clips(video);
        EncodedQuery q = encoder.query(query);
        assertThat(PresenceScorer.scores(q, clips)).containsExactly(1f, 0.5f);

        List<GraphMatch> matches = MatchExplainer.presence(q, clips.get(0));
        assertThat(matches).anySatisfy(m -> {
            assertThat(m.queryNode()).endsWith(":cup");
            assertThat(m.videoNode()).endsWith("_c0");
            assertThat(m.relation()).isNull();
        });
        assertThat(matches).anySatisfy(m -> {
            assertThat(m.queryNode()).endsWith(":pick up");
            assertThat(m.relation()).contains("contact");
            assertThat(m.score()).isEqualTo(1.0);
        });
        assertThat(MatchExplainer.presence(q, clips.get(1)))
                .filteredOn(m -> m.queryNode().endsWith(":pick up")).singleElement()
                .satisfies(m -> assertThat(m.videoNode()).isNull());

        GraphView<MatchedGraph.Node, MatchedGraph.Edge> view = MatchedGraph.view(q, clips.get(0), matches,
                Map.of("scorer", "presence"));
        assertThat(view.graph().vertexSet()).hasSize(5);
        long matchEdges = view.graph().edgeSet().stream().filter(e -> e.kind().equals("match")).count();
        assertThat(matchEdges).isEqualTo(4); // man, cup, and the predicate's subject and object
        String json = GraphExporter.toText(view, GraphFormat.parse("json"));
        assertThat(json).contains("\"match\"").contains("presence").contains("query_predicate");
        assertThat(GraphExporter.toText(view, GraphFormat.parse("dot"))).contains("t0_c0")
                .contains("query=\"The man picks up the cup.\"");
        assertThat(GraphExporter.toText(view, GraphFormat.parse("graphml"))).contains("<graphml");
    }

    @Test
    void networkExplanationNamesTheBestObjectAndRelation() {
        GraphPairEncoder encoder = new GraphPairEncoder(FAKE_EMBEDDING, DIM);
        EncodedClip clip = encoder.clips(video).get(0);
        EncodedQuery q = encoder.query(query);
        try (GraphFilterModel model = GraphFilterModel.create(encoder.config(16, 1), 5)) {
            List<GraphMatch> matches = model.explain(q, clip);
            assertThat(matches).hasSize(3);
            assertThat(matches).allSatisfy(m -> assertThat(m.score()).isBetween(-1.0, 1.0));
            assertThat(matches).filteredOn(m -> m.queryNode().endsWith(":pick up")).singleElement()
                    .satisfies(m -> {
                        assertThat(m.relation()).contains("contact");
                        assertThat(m.relationTarget()).isNotNull();
                    });
        }
    }
}
