package org.momentgraph.graph.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.Graph;

/**
 * How any jgrapht graph looks to the exporters: per node an id (unique), a human label, a kind and
 * further attributes; per edge a kind and attributes. Video graphs, query graphs and multimodal graphs
 * (nodes of two kinds joined by scored cross-modal edges) are all exported through one of these.
 *
 * <p>Attribute values may be strings, numbers, booleans, {@code float[]} or {@code double[]} (vectors are
 * JSON arrays in JSON, their JSON text in DOT and GraphML). Attribute names {@code id}, {@code label},
 * {@code kind}, {@code source}, {@code target} and {@code key} are written by the exporters themselves.
 */
public final class GraphView<V, E> {

    private final Graph<V, E> graph;
    private final Function<V, String> nodeId;
    private final Function<V, String> nodeLabel;
    private final Function<V, String> nodeKind;
    private final Function<V, Map<String, Object>> nodeAttributes;
    private final Function<E, String> edgeKind;
    private final Function<E, Map<String, Object>> edgeAttributes;
    private final Map<String, Object> graphAttributes;

    private GraphView(Builder<V, E> b) {
        this.graph = b.graph;
        this.nodeId = b.nodeId;
        this.nodeLabel = b.nodeLabel == null ? b.nodeId : b.nodeLabel;
        this.nodeKind = b.nodeKind;
        this.nodeAttributes = b.nodeAttributes;
        this.edgeKind = b.edgeKind;
        this.edgeAttributes = b.edgeAttributes;
        this.graphAttributes = Map.copyOf(b.graphAttributes);
    }

    /** A view with ids from {@code toString()} and no attributes until set. */
    public static <V, E> Builder<V, E> builder(Graph<V, E> graph) {
        return new Builder<>(graph);
    }

    public Graph<V, E> graph() {
        return graph;
    }

    public String id(V v) {
        return nodeId.apply(v);
    }

    public String label(V v) {
        return nodeLabel.apply(v);
    }

    public String kind(V v) {
        return nodeKind.apply(v);
    }

    public Map<String, Object> attributes(V v) {
        return nodeAttributes.apply(v);
    }

    public String edgeKind(E e) {
        return edgeKind.apply(e);
    }

    public Map<String, Object> edgeAttributes(E e) {
        return edgeAttributes.apply(e);
    }

    /** Attributes of the graph as a whole (e.g. the video id). */
    public Map<String, Object> graphAttributes() {
        return graphAttributes;
    }

    /** Builds a {@link GraphView}. */
    public static final class Builder<V, E> {
        private final Graph<V, E> graph;
        private Function<V, String> nodeId = String::valueOf;
        private Function<V, String> nodeLabel;
        private Function<V, String> nodeKind = v -> "node";
        private Function<V, Map<String, Object>> nodeAttributes = v -> Map.of();
        private Function<E, String> edgeKind = e -> "edge";
        private Function<E, Map<String, Object>> edgeAttributes = e -> Map.of();
        private final Map<String, Object> graphAttributes = new LinkedHashMap<>();

        private Builder(Graph<V, E> graph) {
            this.graph = graph;
        }

        public Builder<V, E> nodeId(Function<V, String> v) {
            nodeId = v;
            return this;
        }

        /** The human name; the node id when unset. */
        public Builder<V, E> nodeLabel(Function<V, String> v) {
            nodeLabel = v;
            return this;
        }

        public Builder<V, E> nodeKind(Function<V, String> v) {
            nodeKind = v;
            return this;
        }

        public Builder<V, E> nodeAttributes(Function<V, Map<String, Object>> v) {
            nodeAttributes = v;
            return this;
        }

        public Builder<V, E> edgeKind(Function<E, String> v) {
            edgeKind = v;
            return this;
        }

        public Builder<V, E> edgeAttributes(Function<E, Map<String, Object>> v) {
            edgeAttributes = v;
            return this;
        }

        public Builder<V, E> graphAttribute(String name, Object value) {
            graphAttributes.put(name, value);
            return this;
        }

        public GraphView<V, E> build() {
            return new GraphView<>(this);
        }
    }
}
