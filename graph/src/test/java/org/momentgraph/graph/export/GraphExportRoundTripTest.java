package org.momentgraph.graph.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.dot.DOTImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.nio.json.JSONImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.track.SyntheticScene;
import org.momentgraph.graph.video.VideoGraph;
import org.momentgraph.graph.video.VideoGraphBuilder;

class GraphExportRoundTripTest {

    @TempDir
    Path dir;

    private static VideoGraph videoGraph() {
        SyntheticScene scene = SyntheticScene.generate(new SyntheticScene.Spec("v1", 4, 9, 3, 0.03, 0.1, 0.1), 3);
        return VideoGraphBuilder.builder().labelFeatures(l -> new float[] {0.25f, -1.5f})
                .build().build(new Video("v1", 9, 1.5), scene.frames());
    }

    /** A multimodal graph: word nodes, object nodes and scored cross-modal edges; ids DOT would reject. */
    record Node(String id, String kind, String label) {
    }

    record Link(String kind, double score) {
    }

    private static GraphView<Node, Link> multimodal() {
        Graph<Node, Link> g = new DirectedMultigraph<>(null, null, false);
        Node man = new Node("word:man", "word", "man");
        Node couch = new Node("word:couch", "word", "couch");
        Node obj = new Node("t0@c1", "object", "person");
        List.of(man, couch, obj).forEach(g::addVertex);
        g.addEdge(man, couch, new Link("sits_on", 1));
        g.addEdge(man, obj, new Link("grounds", 0.8));
        g.addEdge(man, obj, new Link("grounds", 0.3));
        return GraphView.builder(g).nodeId(Node::id).nodeLabel(Node::label).nodeKind(Node::kind)
                .edgeKind(Link::kind).edgeAttributes(l -> Map.of("score", l.score())).build();
    }

    /** (source id, target id, kind, score) of every exported edge, sorted. */
    private static <V, E> List<String> edgeKeys(GraphView<V, E> view) {
        List<String> out = new ArrayList<>();
        Graph<V, E> g = view.graph();
        for (E e : g.edgeSet()) {
            out.add(view.id(g.getEdgeSource(e)) + ">" + view.id(g.getEdgeTarget(e)) + ":" + view.edgeKind(e) + ":"
                    + view.edgeAttributes(e).get("score"));
        }
        out.sort(null);
        return out;
    }

    @Test
    void graphMlRoundTripsNodesEdgesAndTypedAttributes() throws Exception {
        for (GraphView<?, ?> view : List.of(VideoGraphViews.of(videoGraph()), multimodal())) {
            roundTripGraphMl(view);
        }
    }

    private <V, E> void roundTripGraphMl(GraphView<V, E> view) throws Exception {
        Path file = dir.resolve("g.graphml");
        GraphExporter.write(view, GraphFormat.GRAPHML, file);
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(null, SupplierUtil.createDefaultEdgeSupplier(), false);
        Map<String, Map<String, Attribute>> nodeAttrs = new HashMap<>();
        Map<DefaultEdge, Map<String, Attribute>> edgeAttrs = new HashMap<>();
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> nodeAttrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a));
        importer.addEdgeAttributeConsumer((p, a) -> edgeAttrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a));
        importer.importGraph(g, Files.newBufferedReader(file));

        // GraphML ids are sanitised; the original id comes back in "name"
        Map<String, String> nameOf = new HashMap<>();
        nodeAttrs.forEach((id, a) -> nameOf.put(id, a.get("name").getValue()));
        assertThat(g.vertexSet()).extracting(nameOf::get).containsExactlyInAnyOrderElementsOf(
                view.graph().vertexSet().stream().map(view::id).toList());
        Map<String, Map<String, Attribute>> byName = new HashMap<>();
        nodeAttrs.forEach((id, a) -> byName.put(nameOf.get(id), a));
        for (V v : view.graph().vertexSet()) {
            Map<String, Attribute> a = byName.get(view.id(v));
            assertThat(a.get("label").getValue()).isEqualTo(view.label(v));
            assertThat(a.get("kind").getValue()).isEqualTo(view.kind(v));
            view.attributes(v).forEach((k, val) -> assertThat(a.get(k).getValue()).as(k)
                    .isEqualTo(AttributeValues.text(val)));
        }
        List<String> imported = new ArrayList<>();
        for (DefaultEdge e : g.edgeSet()) {
            Map<String, Attribute> a = edgeAttrs.get(e);
            assertThat(a.get("score").getType()).isEqualTo(AttributeType.DOUBLE);
            imported.add(nameOf.get(g.getEdgeSource(e)) + ">" + nameOf.get(g.getEdgeTarget(e)) + ":"
                    + a.get("kind").getValue() + ":" + Double.parseDouble(a.get("score").getValue()));
        }
        imported.sort(null);
        assertThat(imported).isEqualTo(edgeKeys(view)).isNotEmpty();
    }

    @Test
    void nodeLinkJsonLoadsInJgraphtAndHasTheNetworkxShape() throws Exception {
        GraphView<?, ?> view = VideoGraphViews.of(videoGraph());
        roundTripJson(view);
        roundTripJson(multimodal());
        JsonNode json = new ObjectMapper().readTree(GraphExporter.toText(multimodal(), GraphFormat.JSON));
        assertThat(json.get("directed").asBoolean()).isTrue();
        assertThat(json.get("multigraph").asBoolean()).isTrue();
        assertThat(json.get("graph").isObject()).isTrue();
        assertThat(json.get("links")).isEqualTo(json.get("edges"));
        List<Integer> keys = new ArrayList<>();
        json.get("links").forEach(l -> {
            if (l.get("target").asText().equals("t0@c1")) {
                keys.add(l.get("key").asInt());
            }
        });
        assertThat(keys).containsExactlyInAnyOrder(0, 1);
        JsonNode video = new ObjectMapper().readTree(GraphExporter.toText(view, GraphFormat.JSON));
        assertThat(video.get("graph").get("video").asText()).isEqualTo("v1");
        assertThat(video.get("nodes").get(0).get("feature").get(1).asDouble()).isEqualTo(-1.5);
    }

    private <V, E> void roundTripJson(GraphView<V, E> view) {
        String text = GraphExporter.toText(view, GraphFormat.JSON);
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(null, SupplierUtil.createDefaultEdgeSupplier(), false);
        Map<String, Map<String, Attribute>> nodeAttrs = new HashMap<>();
        Map<DefaultEdge, Map<String, Attribute>> edgeAttrs = new HashMap<>();
        JSONImporter<String, DefaultEdge> importer = new JSONImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((p, a) -> nodeAttrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a));
        importer.addEdgeAttributeConsumer((p, a) -> edgeAttrs.computeIfAbsent(p.getFirst(), k -> new HashMap<>())
                .put(p.getSecond(), a));
        importer.importGraph(g, new StringReader(text));
        assertThat(g.vertexSet()).containsExactlyInAnyOrderElementsOf(
                view.graph().vertexSet().stream().map(view::id).toList());
        for (V v : view.graph().vertexSet()) {
            assertThat(nodeAttrs.get(view.id(v)).get("label").getValue()).isEqualTo(view.label(v));
        }
        List<String> imported = new ArrayList<>();
        for (DefaultEdge e : g.edgeSet()) {
            Map<String, Attribute> a = edgeAttrs.get(e);
            imported.add(g.getEdgeSource(e) + ">" + g.getEdgeTarget(e) + ":" + a.get("kind").getValue() + ":"
                    + Double.parseDouble(a.get("score").getValue()));
        }
        imported.sort(null);
        assertThat(imported).isEqualTo(edgeKeys(view));
    }

    @Test
    void dotSanitisesIdsKeepsNamesAndParsesBack() {
        String dot = GraphExporter.toText(multimodal(), GraphFormat.DOT);
        assertThat(dot).contains("word_man", "label=\"man\"", "name=\"word:man\"", "t0_c1");
        Graph<String, DefaultEdge> g = new DirectedPseudograph<>(null, SupplierUtil.createDefaultEdgeSupplier(), false);
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        importer.importGraph(g, new StringReader(dot));
        assertThat(g.vertexSet()).containsExactlyInAnyOrder("word_man", "word_couch", "t0_c1");
        assertThat(g.edgeSet()).hasSize(3);
        assertThat(DotFormat.sanitize("3:x y")).isEqualTo("n3_x_y");
    }

    @Test
    void cytoscapeElementsCarryEveryNodeAndEdge() throws Exception {
        JsonNode json = new ObjectMapper().readTree(GraphExporter.toText(multimodal(), GraphFormat.CYTOSCAPE));
        assertThat(json.get("elements").get("nodes")).hasSize(3);
        assertThat(json.get("elements").get("edges")).hasSize(3)
                .allSatisfy(e -> assertThat(e.get("data").has("source")).isTrue());
    }

    @Test
    void renderingNeedsGraphvizOrSaysHowToInstallIt() throws Exception {
        Path svg = dir.resolve("g.svg");
        if (GraphvizRenderer.findDot().isPresent()) {
            GraphExporter.write(multimodal(), GraphFormat.SVG, svg);
            assertThat(Files.readString(svg)).contains("<svg");
        } else {
            assertThatThrownBy(() -> GraphExporter.write(multimodal(), GraphFormat.SVG, svg))
                    .hasMessageContaining("apt-get install graphviz");
            assertThat(svg).doesNotExist();
        }
    }

    @Test
    void duplicateNodeIdsAreRejected() {
        Graph<Node, Link> g = new DirectedMultigraph<>(null, null, false);
        g.addVertex(new Node("x", "a", "one"));
        g.addVertex(new Node("x", "b", "two"));
        GraphView<Node, Link> view = GraphView.builder(g).nodeId(Node::id).build();
        assertThatThrownBy(() -> GraphExporter.toText(view, GraphFormat.JSON)).hasMessageContaining("'x'");
    }
}
