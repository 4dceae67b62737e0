package org.momentgraph.eval.tvr;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A baseline's scores under one protocol.
 *
 * @param baseline the baseline's name
 * @param protocol "k-fold mean" (test queries of each fold, corpus = all clips, mean over folds) or
 *                 "all queries" (no training, every query at once)
 * @param queries  queries scored (summed over folds)
 * @param scores   group (all, v, t, vt) -> metric ("VR r1", "SVMR 0.5-r1", ...) -> percent
 * @param perFold  the per-fold scores (empty for "all queries")
 */
public record BaselineResult(String baseline, String protocol, int queries, Map<String, Map<String, Double>> scores,
        List<Map<String, Map<String, Double>>> perFold) {

    public BaselineResult {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        scores.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        scores = Collections.unmodifiableMap(copy);
        perFold = List.copyOf(perFold);
    }

    /** A metric of a group, NaN when the baseline does not do that task. */
    public double get(String group, String metric) {
        Map<String, Double> g = scores.get(group);
        return g == null ? Double.NaN : g.getOrDefault(metric, Double.NaN);
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("baseline", baseline);
        node.put("protocol", protocol);
        node.put("queries", queries);
        node.set("scores", groups(scores));
        var folds = node.putArray("per_fold");
        perFold.forEach(f -> folds.add(groups(f)));
        return node;
    }

    private static ObjectNode groups(Map<String, Map<String, Double>> scores) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        scores.forEach((group, metrics) -> {
            ObjectNode g = node.putObject(group);
            metrics.forEach((k, v) -> g.put(k, Math.round(v * 100) / 100.0));
        });
        return node;
    }
}
