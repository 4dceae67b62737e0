package org.momentgraph.eval.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Span;

/**
 * Average precision of scored windows against ground-truth windows, one query at a time, as
 * Moment-DETR computes it (the ActivityNet / MMAction2 detection AP): predictions sorted by score
 * (stable), each matched greedily to the unmatched ground-truth window of highest IoU if that IoU
 * reaches the threshold, then VOC-interpolated precision summed over recall steps.
 */
public final class DetectionAp {

    private DetectionAp() {
    }

    /** AP at each threshold; all zeros when there are no predictions. */
    public static double[] averagePrecision(List<Span> groundTruth, List<Moment> predictions, double[] thresholds) {
        int nt = thresholds.length;
        int np = predictions.size();
        double[] ap = new double[nt];
        if (np == 0) {
            return ap;
        }
        if (groundTruth.isEmpty()) {
            throw new IllegalArgumentException("AP needs at least one ground-truth window");
        }
        List<Moment> sorted = new ArrayList<>(predictions);
        sorted.sort(byScoreDescending()); // List.sort is stable, as Python's sort
        int[] lock = new int[nt * groundTruth.size()];
        Arrays.fill(lock, -1);
        double[][] tp = new double[nt][np];
        double[][] fp = new double[nt][np];
        for (int p = 0; p < np; p++) {
            Moment m = sorted.get(p);
            double[] iou = crossIou(m, groundTruth);
            Integer[] order = highestIouFirst(iou);
            for (int t = 0; t < nt; t++) {
                for (int j : order) {
                    if (iou[j] < thresholds[t]) {
                        fp[t][p] = 1;
                        break;
                    }
                    if (lock[t * groundTruth.size() + j] >= 0) {
                        continue;
                    }
                    tp[t][p] = 1;
                    lock[t * groundTruth.size() + j] = p;
                    break;
                }
                if (fp[t][p] == 0 && tp[t][p] == 0) {
                    fp[t][p] = 1;
                }
            }
        }
        for (int t = 0; t < nt; t++) {
            double[] precision = new double[np];
            double[] recall = new double[np];
            double tpSum = 0;
            double fpSum = 0;
            for (int p = 0; p < np; p++) {
                tpSum += tp[t][p];
                fpSum += fp[t][p];
                recall[p] = tpSum / groundTruth.size();
                precision[p] = tpSum / (tpSum + fpSum);
            }
            ap[t] = interpolated(precision, recall);
        }
        return ap;
    }

    /** VOC 2011 interpolated AP over the recall steps, with (0, 0) and (recall 1, precision 0) as ends. */
    static double interpolated(double[] precision, double[] recall) {
        int n = precision.length + 2;
        double[] mp = new double[n];
        double[] mr = new double[n];
        System.arraycopy(precision, 0, mp, 1, precision.length);
        System.arraycopy(recall, 0, mr, 1, recall.length);
        mr[n - 1] = 1;
        for (int i = n - 2; i >= 0; i--) {
            mp[i] = mp[i + 1] > mp[i] ? mp[i + 1] : mp[i];
        }
        List<Double> terms = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (mr[i] != mr[i - 1]) {
                terms.add((mr[i] - mr[i - 1]) * mp[i]);
            }
        }
        return PairwiseSum.sum(terms.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** {@link TemporalIou#trueIou} of the moment with every ground-truth window. */
    private static double[] crossIou(Moment m, List<Span> groundTruth) {
        double[] iou = new double[groundTruth.size()];
        for (int j = 0; j < iou.length; j++) {
            Span g = groundTruth.get(j);
            iou[j] = TemporalIou.trueIou(m.start(), m.end(), g.start(), g.end());
        }
        return iou;
    }

    /** NumPy's {@code argsort()[::-1]} on a short array: NaN first, then descending, ties by higher index. */
    private static Integer[] highestIouFirst(double[] iou) {
        Integer[] order = new Integer[iou.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> Double.isNaN(iou[i]) ? 0 : 1)
                .thenComparing((a, b) -> Double.isNaN(iou[a]) ? 0 : -Double.compare(iou[a] + 0.0, iou[b] + 0.0))
                .thenComparing(Comparator.<Integer>reverseOrder()));
        return order;
    }

    /** Python's {@code sort(key=lambda x: -x['score'])}: -0.0 and 0.0 tie. */
    private static Comparator<Moment> byScoreDescending() {
        return (a, b) -> {
            double x = -a.score();
            double y = -b.score();
            return x < y ? -1 : x > y ? 1 : 0;
        };
    }
}
