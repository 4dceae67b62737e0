package org.momentgraph.eval.experiments;

import java.util.List;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.pipeline.MomentSearchPipeline;
import org.momentgraph.encoders.pipeline.PreparedQuery;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;
import org.momentgraph.eval.tvr.TypedScores;

/**
 * Picks the weight w of the clip evidence in the VR score ({@code model score + w * best clip
 * evidence}) on held-in queries: the candidate with the best VR R@1 + R@10, the smaller weight on ties.
 * Never sees test queries: the caller passes validation or training queries.
 */
public final class EvidenceWeightTuner {

    private EvidenceWeightTuner() {
    }

    /** The chosen weight; {@code pipelines} builds a pipeline for a given weight (closed here). */
    public static double tune(List<Double> candidates, java.util.function.DoubleFunction<MomentSearchPipeline> pipelines,
            List<Query> queries, List<PreparedQuery> prepared, TvrEvaluator evaluator) {
        double best = candidates.isEmpty() ? 0 : candidates.get(0);
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double w : candidates) {
            try (MomentSearchPipeline p = pipelines.apply(w)) {
                TvrSubmission s = PipelinePredictions.tvr(p, queries, prepared, List.of(TvrTask.VR));
                var flat = TypedScores.flatten(evaluator.evaluate(queries, s));
                double score = flat.getOrDefault("VR r1", 0.0) + flat.getOrDefault("VR r10", 0.0);
                if (score > bestScore + 1e-9) {
                    bestScore = score;
                    best = w;
                }
            }
        }
        return best;
    }
}
