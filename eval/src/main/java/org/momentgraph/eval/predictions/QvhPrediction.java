package org.momentgraph.eval.predictions;

import java.util.List;
import org.momentgraph.domain.Moment;

/**
 * One line of a QVHighlights prediction file, as Moment-DETR's {@code standalone_eval/eval.py} reads it.
 *
 * @param qid       the query id (QVHighlights' integer qid as a string)
 * @param query     the sentence, "" where absent
 * @param vid       the video id
 * @param windows   {@code pred_relevant_windows}: moments of {@code vid} in file order, each with its
 *                  score; null when the file has no such field (a highlight-only submission)
 * @param saliency  {@code pred_saliency_scores}: one score per 2 s clip; null when absent
 */
public record QvhPrediction(String qid, String query, String vid, List<Moment> windows, List<Double> saliency) {

    public QvhPrediction {
        if (qid == null) {
            throw new IllegalArgumentException("qid must not be null");
        }
        query = query == null ? "" : query;
        windows = windows == null ? null : List.copyOf(windows);
        saliency = saliency == null ? null : List.copyOf(saliency);
    }

    public boolean hasWindows() {
        return windows != null;
    }

    public boolean hasSaliency() {
        return saliency != null;
    }
}
