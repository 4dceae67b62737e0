package org.momentgraph.eval.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Average precision of clip saliency scores against binary clip labels, as Moment-DETR's
 * {@code get_ap} computes it over scikit-learn's precision-recall curve: one curve point per distinct
 * score, precision interpolated towards lower recall (max over the points of higher recall), then the
 * mean of that precision at each recall step. All-positive labels give 1, all-negative 0.
 */
public final class HighlightAp {

    private HighlightAp() {
    }

    public static double averagePrecision(double[] labels, double[] scores) {
        int n = labels.length;
        if (n == 0 || scores.length != n) {
            throw new IllegalArgumentException("need as many scores as labels (and at least one), got "
                    + scores.length + " and " + n);
        }
        boolean allSame = Arrays.stream(labels).allMatch(v -> v == labels[0]);
        if (allSame) {
            return labels[0] == 0 ? 0 : 1;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        // curve points, highest score first: one per distinct score, counted after its last tie
        double[] tps = new double[n];
        double[] fps = new double[n];
        int points = 0;
        double tp = 0;
        for (int r = 0; r < n; r++) {
            tp += labels[order[r]];
            boolean lastOfTie = r == n - 1 || scores[order[r]] != scores[order[r + 1]];
            if (lastOfTie) {
                tps[points] = tp;
                fps[points] = (r + 1) - tp;
                points++;
            }
        }
        double totalPositives = tps[points - 1];
        // scikit-learn returns the curve lowest score first, closed by (recall 0, precision 1)
        double[] precision = new double[points + 1];
        float[] recall = new float[points + 1];
        for (int i = 0; i < points; i++) {
            int p = points - 1 - i;
            precision[i] = tps[p] / (tps[p] + fps[p]);
            recall[i] = (float) (tps[p] / totalPositives);
        }
        precision[points] = 1;
        recall[points] = 0f;
        for (int i = 1; i < precision.length; i++) {
            precision[i] = Math.max(precision[i - 1], precision[i]);
        }
        int steps = 0;
        double[] atSteps = new double[points];
        for (int i = 0; i + 1 < recall.length; i++) {
            if (recall[i + 1] != recall[i]) {
                atSteps[steps++] = precision[i];
            }
        }
        return PairwiseSum.mean(Arrays.copyOf(atSteps, steps));
    }
}
