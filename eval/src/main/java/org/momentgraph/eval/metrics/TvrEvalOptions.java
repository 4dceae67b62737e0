package org.momentgraph.eval.metrics;

import java.util.List;

/**
 * How TVR-style metrics are computed. {@link #defaults()} is TVRetrieval's eval.py (plus IoU 0.3):
 * IoU >= threshold, the first 100 predictions of each list, no NMS, ground truth as given.
 *
 * @param iouThresholds  IoU thresholds for VCMR and SVMR recall, e.g. 0.3, 0.5, 0.7
 * @param recallKs       the K of Recall@K, e.g. 1, 5, 10, 100
 * @param maxPredictions only the first this many predictions of a list count (eval.py: 100)
 * @param match          {@code >=} or strict {@code >}
 * @param nmsThreshold   temporal NMS IoU threshold applied to VCMR and SVMR lists before the cap, or NaN for none
 * @param endClipping    ground-truth ends past the video's duration: kept or clipped
 */
public record TvrEvalOptions(List<Double> iouThresholds, List<Integer> recallKs, int maxPredictions,
        IouMatch match, double nmsThreshold, EndClipping endClipping) {

    public TvrEvalOptions {
        iouThresholds = List.copyOf(iouThresholds);
        recallKs = List.copyOf(recallKs);
        if (iouThresholds.isEmpty() || recallKs.isEmpty()) {
            throw new IllegalArgumentException("need at least one IoU threshold and one K");
        }
        for (double t : iouThresholds) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("IoU thresholds must lie in [0, 1], got " + t);
            }
        }
        for (int k : recallKs) {
            if (k < 1) {
                throw new IllegalArgumentException("Recall@K needs K >= 1, got " + k);
            }
        }
        if (maxPredictions < 1) {
            throw new IllegalArgumentException("maxPredictions must be >= 1, got " + maxPredictions);
        }
        if (match == null || endClipping == null) {
            throw new IllegalArgumentException("match and endClipping must be given");
        }
        if (!Double.isNaN(nmsThreshold)) {
            new TemporalNms(nmsThreshold); // validates the range
        }
    }

    public static TvrEvalOptions defaults() {
        return new TvrEvalOptions(List.of(0.3, 0.5, 0.7), List.of(1, 5, 10, 100), 100, IouMatch.AT_LEAST,
                Double.NaN, EndClipping.KEPT);
    }

    public TvrEvalOptions withIouThresholds(List<Double> thresholds) {
        return new TvrEvalOptions(thresholds, recallKs, maxPredictions, match, nmsThreshold, endClipping);
    }

    public TvrEvalOptions withRecallKs(List<Integer> ks) {
        return new TvrEvalOptions(iouThresholds, ks, maxPredictions, match, nmsThreshold, endClipping);
    }

    public TvrEvalOptions withMaxPredictions(int max) {
        return new TvrEvalOptions(iouThresholds, recallKs, max, match, nmsThreshold, endClipping);
    }

    public TvrEvalOptions withMatch(IouMatch m) {
        return new TvrEvalOptions(iouThresholds, recallKs, maxPredictions, m, nmsThreshold, endClipping);
    }

    /** NaN turns NMS off. */
    public TvrEvalOptions withNms(double threshold) {
        return new TvrEvalOptions(iouThresholds, recallKs, maxPredictions, match, threshold, endClipping);
    }

    public TvrEvalOptions withEndClipping(EndClipping clipping) {
        return new TvrEvalOptions(iouThresholds, recallKs, maxPredictions, match, nmsThreshold, clipping);
    }

    public boolean nms() {
        return !Double.isNaN(nmsThreshold);
    }
}
