package org.momentgraph.graph.export;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.nio.AttributeType;

/** Attribute value conversions shared by the exporters. */
final class AttributeValues {

    private AttributeValues() {
    }

    /** The value as text: vectors as JSON arrays, numbers in Java's round-trip form. */
    static String text(Object value) {
        if (value instanceof float[] f) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < f.length; i++) {
                sb.append(i == 0 ? "" : ",").append(f[i]);
            }
            return sb.append(']').toString();
        }
        if (value instanceof double[] d) {
            return Arrays.toString(d).replace(" ", "");
        }
        return String.valueOf(value);
    }

    /** The narrowest GraphML type every value fits: boolean, long, double, else string. */
    static AttributeType typeOf(Collection<Object> values) {
        boolean allBool = true;
        boolean allLong = true;
        boolean allNumber = true;
        for (Object v : values) {
            allBool &= v instanceof Boolean;
            allLong &= v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
            allNumber &= v instanceof Number;
        }
        return allBool ? AttributeType.BOOLEAN : allLong ? AttributeType.LONG
                : allNumber ? AttributeType.DOUBLE : AttributeType.STRING;
    }

    /** Node ids of a view, checked to be unique and non-blank. */
    static <V, E> Map<V, String> nodeIds(GraphView<V, E> view, Function<String, String> transform) {
        Map<V, String> ids = new HashMap<>();
        Map<String, V> seen = new HashMap<>();
        Graph<V, E> g = view.graph();
        for (V v : g.vertexSet()) {
            String id = view.id(v);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("node " + v + " has a blank id");
            }
            String out = transform.apply(id);
            String unique = out;
            for (int k = 2; seen.containsKey(unique); k++) {
                if (transform == Function.<String>identity()) {
                    throw new IllegalArgumentException("two nodes share the id '" + id + "'");
                }
                unique = out + "_" + k;
            }
            seen.put(unique, v);
            ids.put(v, unique);
        }
        return ids;
    }
}
