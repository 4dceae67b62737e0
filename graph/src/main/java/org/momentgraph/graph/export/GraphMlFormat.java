package org.momentgraph.graph.export;

import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;

/**
 * Writes a graph in GraphML with jgrapht's GraphMLExporter, every attribute declared with the narrowest
 * type all its values fit (boolean, long, double, else string), so yEd, Gephi and networkx read typed
 * values back. GraphML node ids are XML name tokens, so other characters (such as '@' or ' ') become
 * '_'; the original id is always kept in the {@code name} attribute. Edges get ids e0, e1, ...
 */
public final class GraphMlFormat {

    private GraphMlFormat() {
    }

    /** A valid XML NMTOKEN: ASCII letters, digits and {@code . - _ :}, others replaced by '_'. */
    public static String sanitize(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':')
                    ? c : '_');
        }
        return sb.length() == 0 ? "_" : sb.toString();
    }

    public static <V, E> void write(GraphView<V, E> view, Writer out) {
        Graph<V, E> g = view.graph();
        Map<V, String> ids = AttributeValues.nodeIds(view, GraphMlFormat::sanitize);
        Map<V, Map<String, Object>> nodeAttrs = new HashMap<>();
        Map<String, List<Object>> nodeValues = new LinkedHashMap<>();
        for (V v : g.vertexSet()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("label", view.label(v));
            a.put("name", view.id(v));
            a.put("kind", view.kind(v));
            view.attributes(v).forEach(a::putIfAbsent);
            nodeAttrs.put(v, a);
            a.forEach((k, val) -> nodeValues.computeIfAbsent(k, x -> new ArrayList<>()).add(val));
        }
        Map<E, Map<String, Object>> edgeAttrs = new HashMap<>();
        Map<String, List<Object>> edgeValues = new LinkedHashMap<>();
        Map<E, String> edgeIds = new HashMap<>();
        for (E e : g.edgeSet()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("kind", view.edgeKind(e));
            view.edgeAttributes(e).forEach(a::putIfAbsent);
            edgeAttrs.put(e, a);
            edgeIds.put(e, "e" + edgeIds.size());
            a.forEach((k, val) -> edgeValues.computeIfAbsent(k, x -> new ArrayList<>()).add(val));
        }
        Map<String, List<Object>> graphValues = new LinkedHashMap<>();
        view.graphAttributes().forEach((k, v) -> graphValues.put(k, List.of(v)));
        GraphMLExporter<V, E> exporter = new GraphMLExporter<>(ids::get);
        exporter.setEdgeIdProvider(edgeIds::get);
        Map<String, AttributeType> types = register(exporter, graphValues, nodeValues, edgeValues);
        exporter.setGraphAttributeProvider(() -> attributes(view.graphAttributes(), types));
        exporter.setVertexAttributeProvider(v -> attributes(nodeAttrs.get(v), types));
        exporter.setEdgeAttributeProvider(e -> attributes(edgeAttrs.get(e), types));
        exporter.exportGraph(g, out);
    }

    /**
     * Registers every attribute once: jgrapht keys registrations by name, so a name used by nodes and
     * edges (e.g. "score") is registered for all elements with a type that fits all its values.
     */
    private static <V, E> Map<String, AttributeType> register(GraphMLExporter<V, E> exporter,
            Map<String, List<Object>> graphValues, Map<String, List<Object>> nodeValues,
            Map<String, List<Object>> edgeValues) {
        Map<String, List<Object>> all = new LinkedHashMap<>();
        Map<String, AttributeCategory> category = new HashMap<>();
        List<Map.Entry<AttributeCategory, Map<String, List<Object>>>> parts = List.of(
                Map.entry(AttributeCategory.GRAPH, graphValues), Map.entry(AttributeCategory.NODE, nodeValues),
                Map.entry(AttributeCategory.EDGE, edgeValues));
        for (Map.Entry<AttributeCategory, Map<String, List<Object>>> part : parts) {
            part.getValue().forEach((name, vals) -> {
                all.computeIfAbsent(name, x -> new ArrayList<>()).addAll(vals);
                category.merge(name, part.getKey(), (a, b) -> a == b ? a : AttributeCategory.ALL);
            });
        }
        Map<String, AttributeType> types = new HashMap<>();
        all.forEach((name, vals) -> {
            AttributeType t = AttributeValues.typeOf(vals);
            types.put(name, t);
            exporter.registerAttribute(name, category.get(name), t);
        });
        return types;
    }

    private static Map<String, Attribute> attributes(Map<String, Object> values, Map<String, AttributeType> types) {
        Map<String, Attribute> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, new DefaultAttribute<>(AttributeValues.text(v), types.get(k))));
        return out;
    }
}
