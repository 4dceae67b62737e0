package org.momentgraph.eval.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.pipeline.MomentSearchPipeline;
import org.momentgraph.encoders.pipeline.PreparedQuery;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;
import org.momentgraph.eval.tvr.TypedScores;

/**
 * Picks pipeline settings on held-in queries: the weights w and v of the evidence terms in the VR
 * score ({@code model score + w * best clip evidence + v * label-text cosine}) by VR R@1 + R@10, and
 * VCMR's temperature τ by VCMR R@1 + R@10 at IoU 0.5, then the cap on VCMR moments per video by the same measure; the first
 * (smaller) candidate on ties. Never sees test queries: the
 * caller passes validation or training queries.
 */
public final class EvidenceWeightTuner {

    private EvidenceWeightTuner() {
    }

    /** The two VR weights: {@code w} of the best clip evidence and {@code v} of the label-text cosine. */
    public record VrWeights(double clip, double labelText) {
    }

    /**
     * The chosen VR weights, every pair of the two candidate lists tried; {@code pipelines} builds a
     * pipeline for a pair (closed here). Ties keep the earlier pair, clip weight first.
     */
    public static VrWeights tune(List<Double> clipWeights, List<Double> labelTextWeights,
            Function<VrWeights, MomentSearchPipeline> pipelines, List<Query> queries, List<PreparedQuery> prepared,
            TvrEvaluator evaluator) {
        List<VrWeights> grid = new ArrayList<>();
        clipWeights.forEach(w -> labelTextWeights.forEach(v -> grid.add(new VrWeights(w, v))));
        return best(grid, pipelines, queries, prepared, evaluator, TvrTask.VR, "VR r1", "VR r10");
    }

    /** The chosen VCMR temperature; {@code pipelines} builds a pipeline for a given τ (closed here). */
    public static double tuneTemperature(List<Double> candidates,
            java.util.function.DoubleFunction<MomentSearchPipeline> pipelines, List<Query> queries,
            List<PreparedQuery> prepared, TvrEvaluator evaluator) {
        return best(candidates, pipelines::apply, queries, prepared, evaluator, TvrTask.VCMR, "VCMR 0.5-r1",
                "VCMR 0.5-r10");
    }

    /** The chosen cap on moments per video in VCMR, by VCMR R@1 + R@10 like τ; the smallest on ties. */
    public static int tuneMomentsPerVideo(List<Integer> candidates, IntFunction<MomentSearchPipeline> pipelines,
            List<Query> queries, List<PreparedQuery> prepared, TvrEvaluator evaluator) {
        return best(candidates.stream().sorted().toList(), pipelines::apply, queries, prepared, evaluator, TvrTask.VCMR,
                "VCMR 0.5-r1", "VCMR 0.5-r10");
    }

    private static <T> T best(List<T> candidates, Function<T, MomentSearchPipeline> pipelines, List<Query> queries,
            List<PreparedQuery> prepared, TvrEvaluator evaluator, TvrTask task, String first, String second) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate settings to choose from");
        }
        T best = candidates.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (T value : candidates) {
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
