package org.momentgraph.eval.tvr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.momentgraph.domain.Query;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.metrics.TvrReport;
import org.momentgraph.eval.metrics.TvrTaskScores;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;

/**
 * A submission's TVR scores on all queries and on each query type alone (v, t, vt), flattened to
 * {@code "VR r1"}, {@code "SVMR 0.5-r1"}, {@code "SVMR mIoU"}, ... Each type is scored by running the
 * evaluator on that type's queries only, so every number (mIoU included) exists per type and equals
 * the evaluator's own per-type breakdown for recall.
 */
public final class TypedScores {

    /** Row keys: all queries, then TVR's types. */
    public static final List<String> GROUPS = List.of("all", "v", "t", "vt");

    private TypedScores() {
    }

    /** group -> metric -> value (percent); a type with no query here is absent. */
    public static Map<String, Map<String, Double>> of(TvrEvaluator evaluator, List<Query> gt, TvrSubmission submission) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String group : GROUPS) {
            List<Query> subset = group.equals("all") ? gt : gt.stream().filter(q -> q.type().equals(group)).toList();
            if (!subset.isEmpty()) {
                out.put(group, flatten(evaluator.evaluate(subset, restrict(submission, subset))));
            }
        }
        return out;
    }

    /** {@code "TASK key"} -> value for every recall and the mIoU of each task. */
    public static Map<String, Double> flatten(TvrReport report) {
        Map<String, Double> flat = new LinkedHashMap<>();
        for (Map.Entry<TvrTask, TvrTaskScores> e : report.tasks().entrySet()) {
            e.getValue().recall().forEach((k, v) -> flat.put(e.getKey() + " " + k, v));
            if (!Double.isNaN(e.getValue().meanIou())) {
                flat.put(e.getKey() + " mIoU", e.getValue().meanIou());
            }
        }
        return flat;
    }

    /** The submission's lists for {@code queries} only. */
    static TvrSubmission restrict(TvrSubmission submission, List<Query> queries) {
        Set<String> ids = queries.stream().map(Query::id).collect(Collectors.toSet());
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        for (Map.Entry<TvrTask, List<RankedMoments>> e : submission.tasks().entrySet()) {
            tasks.put(e.getKey(), e.getValue().stream().filter(r -> ids.contains(r.queryId())).toList());
        }
        return new TvrSubmission(submission.video2idx(), tasks);
    }

    /** Per group and metric, the mean over {@code runs} that have the group (folds without a type are skipped). */
    public static Map<String, Map<String, Double>> mean(List<Map<String, Map<String, Double>>> runs) {
        Map<String, Map<String, Double>> mean = new LinkedHashMap<>();
        for (String group : GROUPS) {
            Map<String, List<Double>> values = new LinkedHashMap<>();
            for (Map<String, Map<String, Double>> run : runs) {
                Map<String, Double> scores = run.get(group);
                if (scores != null) {
                    scores.forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                }
            }
            if (!values.isEmpty()) {
                Map<String, Double> m = new LinkedHashMap<>();
                values.forEach((k, list) -> m.put(k, list.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
                mean.put(group, m);
            }
        }
        return mean;
    }
}
