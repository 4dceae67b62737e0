package org.momentgraph.graph.export;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/**
 * Writes a graph in Graphviz DOT with jgrapht's DOTExporter. DOT ids must be plain identifiers (the
 * exporter rejects ids such as {@code word:man}), so ids are sanitised to {@code [A-Za-z0-9_]} and the
 * original id is kept in the {@code name} attribute and the human name in {@code label}.
 */
public final class DotFormat {

    private DotFormat() {
    }

    /** A valid DOT identifier: letters, digits and '_', not starting with a digit. */
    public static String sanitize(String id) {
        StringBuilder sb = new StringBuilder(id.length() + 1);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            sb.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, 'n');
        }
        return sb.toString();
    }

    public static <V, E> void write(GraphView<V, E> view, Writer out) {
        Map<V, String> ids = AttributeValues.nodeIds(view, DotFormat::sanitize);
        DOTExporter<V, E> exporter = new DOTExporter<>(ids::get);
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            // jgrapht writes graph attributes verbatim (node and edge ones are quoted): quote them here,
            // or a value with spaces (a query sentence) breaks the DOT syntax
            view.graphAttributes().forEach((k, v) -> a.put(sanitize(k), DefaultAttribute.createAttribute(
                    "\"" + AttributeValues.text(v).replace("\\", "\\\\").replace("\"", "\\\"") + "\"")));
            return a;
        });
        exporter.setVertexAttributeProvider(v -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(view.label(v)));
            a.put("name", DefaultAttribute.createAttribute(view.id(v)));
            a.put("kind", DefaultAttribute.createAttribute(view.kind(v)));
            view.attributes(v).forEach((k, val) -> a.putIfAbsent(sanitize(k), attribute(val)));
            return a;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(view.edgeKind(e)));
            a.put("kind", DefaultAttribute.createAttribute(view.edgeKind(e)));
            view.edgeAttributes(e).forEach((k, val) -> a.putIfAbsent(sanitize(k), attribute(val)));
            return a;
        });
        exporter.exportGraph(view.graph(), out);
    }

    private static Attribute attribute(Object v) {
        return DefaultAttribute.createAttribute(AttributeValues.text(v));
    }
}
