package org.momentgraph.graph.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.Graph;

/**
 * Writes a graph as JSON: the node-link form of networkx ({@code node_link_graph}) and d3, or the
 * Cytoscape.js {@code elements} form.
 *
 * <p>Node-link output carries the edges under {@code "links"} (networkx before 3.6, d3) and, by default,
 * under {@code "edges"} as well (the default key from networkx 3.6 on, and the key jgrapht's
 * JSONImporter reads); {@link EdgeKeys} picks one.
 */
public final class NodeLinkJson {

    /** Which key(s) the node-link edges go under. */
    public enum EdgeKeys { LINKS, EDGES, BOTH }

    /** Leaves the caller's writer open: closing it is the caller's (or AtomicFiles') job. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private NodeLinkJson() {
    }

    public static <V, E> void write(GraphView<V, E> view, Writer out, EdgeKeys keys) throws IOException {
        Map<V, String> ids = AttributeValues.nodeIds(view, Function.identity());
        Graph<V, E> g = view.graph();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeBooleanField("directed", g.getType().isDirected());
            json.writeBooleanField("multigraph", g.getType().isAllowingMultipleEdges());
            json.writeObjectFieldStart("graph");
            writeFields(json, view.graphAttributes());
            json.writeEndObject();
            json.writeArrayFieldStart("nodes");
            for (V v : g.vertexSet()) {
                json.writeStartObject();
                writeNode(json, view, ids, v);
                json.writeEndObject();
            }
            json.writeEndArray();
            if (keys != EdgeKeys.EDGES) {
                writeLinks(json, "links", view, ids);
            }
            if (keys != EdgeKeys.LINKS) {
                writeLinks(json, "edges", view, ids);
            }
            json.writeEndObject();
        }
    }

    private static <V, E> void writeLinks(JsonGenerator json, String name, GraphView<V, E> view, Map<V, String> ids)
            throws IOException {
        Graph<V, E> g = view.graph();
        Map<String, Integer> keyOf = new HashMap<>();
        json.writeArrayFieldStart(name);
        for (E e : g.edgeSet()) {
            String s = ids.get(g.getEdgeSource(e));
            String t = ids.get(g.getEdgeTarget(e));
            json.writeStartObject();
            json.writeStringField("source", s);
            json.writeStringField("target", t);
            // networkx's multigraph key: 0, 1, ... among the edges of one (source, target) pair
            json.writeNumberField("key", keyOf.merge(s + "\u0000" + t, 1, Integer::sum) - 1);
            json.writeStringField("kind", view.edgeKind(e));
            writeFields(json, view.edgeAttributes(e));
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** Cytoscape.js: {@code {"elements": {"nodes": [{"data": {...}}], "edges": [{"data": {...}}]}}}. */
    public static <V, E> void writeCytoscape(GraphView<V, E> view, Writer out) throws IOException {
        Map<V, String> ids = AttributeValues.nodeIds(view, Function.identity());
        Graph<V, E> g = view.graph();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectFieldStart("data");
            writeFields(json, view.graphAttributes());
            json.writeEndObject();
            json.writeObjectFieldStart("elements");
            json.writeArrayFieldStart("nodes");
            for (V v : g.vertexSet()) {
                json.writeStartObject();
                json.writeObjectFieldStart("data");
                writeNode(json, view, ids, v);
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("edges");
            int n = 0;
            for (E e : g.edgeSet()) {
                json.writeStartObject();
                json.writeObjectFieldStart("data");
                json.writeStringField("id", "e" + n++);
                json.writeStringField("source", ids.get(g.getEdgeSource(e)));
                json.writeStringField("target", ids.get(g.getEdgeTarget(e)));
                json.writeStringField("kind", view.edgeKind(e));
                writeFields(json, view.edgeAttributes(e));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    /** A node's fields, the same in both forms: id, label, kind, then its attributes. */
    private static <V, E> void writeNode(JsonGenerator json, GraphView<V, E> view, Map<V, String> ids, V v) throws IOException {
        json.writeStringField("id", ids.get(v));
        json.writeStringField("label", view.label(v));
        json.writeStringField("kind", view.kind(v));
        writeFields(json, view.attributes(v));
    }

    private static void writeFields(JsonGenerator json, Map<String, Object> attributes) throws IOException {
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            json.writeFieldName(a.getKey());
            writeValue(json, a.getValue());
        }
    }

    private static void writeValue(JsonGenerator json, Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            json.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number num) {
            double d = num.doubleValue();
            if (Double.isFinite(d)) {
                json.writeNumber(d);
            } else {
                json.writeNull(); // JSON has no NaN or infinity
            }
        } else if (v instanceof float[] f) {
            json.writeStartArray();
            for (float x : f) {
                json.writeNumber(x);
            }
            json.writeEndArray();
        } else if (v instanceof double[] d) {
            json.writeArray(d, 0, d.length);
        } else {
            json.writeString(String.valueOf(v));
        }
    }
}
