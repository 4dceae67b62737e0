package org.momentgraph.eval.experiments;

import java.util.List;
import java.util.function.IntFunction;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.pipeline.MomentSearchPipeline;
import org.momentgraph.encoders.pipeline.PreparedQuery;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;
import org.momentgraph.eval.tvr.TypedScores;

/**
 * Picks pipeline settings on held-in queries: the weight w of the clip evidence in the VR score
 * ({@code model score + w * best clip evidence}) by VR R@1 + R@10, and VCMR's temperature τ by
 * VCMR R@1 + R@10 at IoU 0.5, then the cap on VCMR moments per video by the same measure; the first
 * (smaller) candidate on ties. Never sees test queries: the
 * caller passes validation or training queries.
 */
public final class EvidenceWeightTuner {

    private EvidenceWeightTuner() {
    }

    /** The chosen weight; {@code pipelines} builds a pipeline for a given weight (closed here). */
    public static double tune(List<Double> candidates, java.util.function.DoubleFunction<MomentSearchPipeline> pipelines,
            List<Query> queries, List<PreparedQuery> prepared, TvrEvaluator evaluator) {
        return best(candidates, pipelines, queries, prepared, evaluator, TvrTask.VR, "VR r1", "VR r10");
    }

    /** The chosen VCMR temperature; {@code pipelines} builds a pipeline for a given τ (closed here). */
    public static double tuneTemperature(List<Double> candidates,
            java.util.function.DoubleFunction<MomentSearchPipeline> pipelines, List<Query> queries,
            List<PreparedQuery> prepared, TvrEvaluator evaluator) {
        return best(candidates, pipelines, queries, prepared, evaluator, TvrTask.VCMR, "VCMR 0.5-r1", "VCMR 0.5-r10");
    }

    /** The chosen cap on moments per video in VCMR, by VCMR R@1 + R@10 like τ; the smallest on ties. */
    public static int tuneMomentsPerVideo(List<Integer> candidates, IntFunction<MomentSearchPipeline> pipelines,
            List<Query> queries, List<PreparedQuery> prepared, TvrEvaluator evaluator) {
        List<Double> values = candidates.stream().sorted().map(Integer::doubleValue).toList();
        return (int) best(values, m -> pipelines.apply((int) m), queries, prepared, evaluator, TvrTask.VCMR,
                "VCMR 0.5-r1", "VCMR 0.5-r10");
    }

    private static double best(List<Double> candidates, java.util.function.DoubleFunction<MomentSearchPipeline> pipelines,
            List<Query> queries, List<PreparedQuery> prepared, TvrEvaluator evaluator, TvrTask task, String first,
            String second) {
        double best = candidates.isEmpty() ? 0 : candidates.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double value : candidates) {
            try (MomentSearchPipeline p = pipelines.apply(value)) {
                TvrSubmission s = PipelinePredictions.tvr(p, queries, prepared, List.of(task));
                var flat = TypedScores.flatten(evaluator.evaluate(queries, s));
                double score = flat.getOrDefault(first, 0.0) + flat.getOrDefault(second, 0.0);
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    best = value;
                }
            }
        }
        return best;
    }
}
