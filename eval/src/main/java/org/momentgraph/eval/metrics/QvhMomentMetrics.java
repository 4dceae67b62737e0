package org.momentgraph.eval.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;
import org.momentgraph.eval.predictions.QvhPrediction;

/**
 * QVHighlights moment-retrieval metrics as Moment-DETR's {@code standalone_eval/eval.py}: for each
 * ground-truth length bucket (short (0, 10] s, middle (10, 30], long (30, 150], full = all),
 * mAP over IoU 0.5:0.05:0.95 from the first 10 listed windows (ranked by score inside the AP), and
 * R1 from the first listed window against the ground-truth window it overlaps most. A bucket keeps the
 * queries with a ground-truth window of that length, and only those windows.
 */
public final class QvhMomentMetrics {

    /** 0.5, 0.55, ..., 0.95 exactly as {@code float(f"{e:.2f}")} gives them. */
    static final double[] THRESHOLDS = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};
    static final int MAX_PRED_WINDOWS = 10;

    /** The buckets in eval.py's order. */
    public enum Bucket {
        SHORT(0, 10), MIDDLE(10, 30), LONG(30, 150), FULL(0, 150);

        private final double min;
        private final double max;

        Bucket(double min, double max) {
            this.min = min;
            this.max = max;
        }

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The windows in (min, max]; the full bucket keeps every window. */
        List<Span> keep(List<Span> windows) {
            if (this == FULL) {
                return windows;
            }
            return windows.stream().filter(w -> min < w.end() - w.start() && w.end() - w.start() <= max).toList();
        }
    }

    /**
     * One bucket's scores in percent.
     *
     * @param map      "0.5" ... "0.95" and "average"
     * @param recall1  "0.5" ... "0.95"
     * @param queries  how many queries the bucket holds
     */
    public record Scores(Map<String, Double> map, Map<String, Double> recall1, int queries) {
    }

    private QvhMomentMetrics() {
    }

    /** Ground truth and predictions share one id per query; every query has windows on both sides. */
    public static Map<Bucket, Scores> evaluate(Map<String, Query> groundTruth, Map<String, QvhPrediction> predictions) {
        Map<Bucket, Scores> out = new LinkedHashMap<>();
        for (Bucket bucket : Bucket.values()) {
            Map<String, List<Span>> gt = new LinkedHashMap<>();
            groundTruth.forEach((qid, q) -> {
                List<Span> kept = bucket.keep(q.spans());
                if (!kept.isEmpty()) {
                    gt.put(qid, kept);
                }
            });
            List<QvhPrediction> preds = predictions.values().stream().filter(p -> gt.containsKey(p.qid())).toList();
            out.put(bucket, new Scores(map(gt, preds), recall1(gt, preds), gt.size()));
        }
        return out;
    }

    private static Map<String, Double> map(Map<String, List<Span>> gt, List<QvhPrediction> preds) {
        double[] sums = new double[THRESHOLDS.length];
        int n = 0;
        for (QvhPrediction p : preds) {
            List<Moment> windows = p.windows().subList(0, Math.min(MAX_PRED_WINDOWS, p.windows().size()));
            if (windows.isEmpty()) {
                continue; // eval.py never sees a query without windows here
            }
            double[] ap = DetectionAp.averagePrecision(gt.get(p.qid()), windows, THRESHOLDS);
            for (int t = 0; t < sums.length; t++) {
                sums[t] += ap[t];
            }
            n++;
        }
        double[] perThreshold = new double[sums.length];
        Map<String, Double> out = new LinkedHashMap<>();
        for (int t = 0; t < sums.length; t++) {
            perThreshold[t] = sums[t] / n;
            out.put(Double.toString(THRESHOLDS[t]), OfficialRounding.percent(perThreshold[t]));
        }
        out.put("average", OfficialRounding.percent(PairwiseSum.mean(perThreshold)));
        return out;
    }

    private static Map<String, Double> recall1(Map<String, List<Span>> gt, List<QvhPrediction> preds) {
        List<Double> ious = new ArrayList<>();
        for (QvhPrediction p : preds) {
            if (p.windows().isEmpty()) {
                throw new IllegalArgumentException("qid " + p.qid() + " has no pred_relevant_windows; R1 needs one");
            }
            Moment top = p.windows().get(0);
            Span best = closest(top, gt.get(p.qid()));
            ious.add(TemporalIou.iou(top.start(), top.end(), best.start(), best.end()));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (double thd : THRESHOLDS) {
            long hits = ious.stream().filter(iou -> iou >= thd).count();
            out.put(Double.toString(thd), OfficialRounding.percent((double) hits / ious.size()));
        }
        return out;
    }

    /** The ground-truth window of highest true IoU with the prediction (np.argmax: first max, NaN wins). */
    private static Span closest(Moment m, List<Span> windows) {
        int best = 0;
        double bestIou = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < windows.size(); j++) {
            Span g = windows.get(j);
            double iou = TemporalIou.trueIou(m.start(), m.end(), g.start(), g.end());
            if (Double.isNaN(iou)) {
                return g;
            }
            if (iou > bestIou) {
                bestIou = iou;
                best = j;
            }
        }
        return windows.get(best);
    }
}
