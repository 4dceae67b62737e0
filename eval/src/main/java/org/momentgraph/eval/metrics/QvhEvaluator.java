package org.momentgraph.eval.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.Query;
import org.momentgraph.eval.data.QvhighlightsJsonl;
import org.momentgraph.eval.predictions.QvhPrediction;

/**
 * Moment-DETR's {@code eval_submission}: moment metrics when the submission's first line has
 * pred_relevant_windows, highlight metrics when it has pred_saliency_scores. The qids of predictions
 * and ground truth must be the same set, each once.
 */
public final class QvhEvaluator {

    private QvhEvaluator() {
    }

    public static QvhReport evaluate(List<QvhighlightsJsonl.Annotation> groundTruth, List<QvhPrediction> predictions) {
        if (predictions.isEmpty()) {
            throw new IllegalArgumentException("the submission is empty");
        }
        Map<String, QvhighlightsJsonl.Annotation> gt = new LinkedHashMap<>();
        for (QvhighlightsJsonl.Annotation a : groundTruth) {
            if (gt.put(a.query().id(), a) != null) {
                throw new IllegalArgumentException("ground truth lists qid " + a.query().id() + " twice");
            }
            if (!a.labelled()) {
                throw new IllegalArgumentException("ground truth qid " + a.query().id()
                        + " has no labels (test split?); metrics need relevant_windows and saliency_scores");
            }
        }
        Map<String, QvhPrediction> pred = new LinkedHashMap<>();
        for (QvhPrediction p : predictions) {
            if (pred.put(p.qid(), p) != null) {
                throw new IllegalArgumentException("predictions list qid " + p.qid() + " twice");
            }
        }
        if (!gt.keySet().equals(pred.keySet())) {
            long missing = gt.keySet().stream().filter(q -> !pred.containsKey(q)).count();
            long extra = pred.keySet().stream().filter(q -> !gt.containsKey(q)).count();
            throw new IllegalArgumentException("qids of predictions and ground truth differ: " + missing
                    + " without predictions, " + extra + " not in the ground truth");
        }
        boolean moments = predictions.get(0).hasWindows();
        boolean highlights = predictions.get(0).hasSaliency();
        for (QvhPrediction p : predictions) {
            if ((moments && !p.hasWindows()) || (highlights && !p.hasSaliency())) {
                throw new IllegalArgumentException("qid " + p.qid() + " lacks "
                        + (moments && !p.hasWindows() ? "pred_relevant_windows" : "pred_saliency_scores")
                        + ", which the first prediction has");
            }
        }
        Map<String, Query> queries = new LinkedHashMap<>();
        gt.forEach((qid, a) -> {
            if (moments && a.query().spans().isEmpty()) {
                throw new IllegalArgumentException("ground truth qid " + qid + " has no relevant_windows");
            }
            queries.put(qid, a.query());
        });
        return new QvhReport(
                moments ? QvhMomentMetrics.evaluate(queries, pred) : Map.of(),
                highlights ? QvhHighlightMetrics.evaluate(gt, predictions) : Map.of());
    }
}
