package org.momentgraph.eval.experiments;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.momentgraph.domain.Query;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;
import org.momentgraph.eval.tvr.TypedScores;

/**
 * A submission's scores on all queries and on each group of queries (TVR's types, or the synthetic
 * corpus's difficulty tags), each group scored by the evaluator on that group alone, flattened like
 * {@link TypedScores} ("VR r1", "SVMR 0.5-r1", ...), and means over folds.
 */
public final class GroupedScores {

    private GroupedScores() {
    }

    /** group -> metric -> percent; "all" first, then the groups in sorted order. */
    public static Map<String, Map<String, Double>> of(TvrEvaluator evaluator, List<Query> gt, TvrSubmission submission,
            Function<Query, String> group) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        out.put("all", TypedScores.flatten(evaluator.evaluate(gt, submission)));
        TreeSet<String> groups = gt.stream().map(group).filter(g -> g != null).collect(Collectors.toCollection(TreeSet::new));
        for (String g : groups) {
            List<Query> subset = gt.stream().filter(q -> g.equals(group.apply(q))).toList();
            out.put(g, TypedScores.flatten(evaluator.evaluate(subset, restrict(submission, subset))));
        }
        return out;
    }

    /** The submission's lists for {@code queries} only. */
    public static TvrSubmission restrict(TvrSubmission submission, List<Query> queries) {
        Set<String> ids = queries.stream().map(Query::id).collect(Collectors.toSet());
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        submission.tasks().forEach((task, list) -> tasks.put(task, list.stream().filter(r -> ids.contains(r.queryId())).toList()));
        return new TvrSubmission(submission.video2idx(), tasks);
    }

    /** The mean of every (group, metric) over folds; a value missing in some fold averages over the others. */
    public static Map<String, Map<String, Double>> mean(List<Map<String, Map<String, Double>>> folds) {
        Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        for (Map<String, Map<String, Double>> fold : folds) {
            fold.forEach((g, metrics) -> metrics.forEach((m, v) ->
                    values.computeIfAbsent(g, k -> new LinkedHashMap<>()).computeIfAbsent(m, k -> new ArrayList<>()).add(v)));
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        values.forEach((g, metrics) -> {
            Map<String, Double> row = new LinkedHashMap<>();
            metrics.forEach((m, list) -> row.put(m, list.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
            out.put(g, row);
        });
        return out;
    }
}
