package org.momentgraph.eval.metrics;

/**
 * Temporal IoU of two [start, end] windows with the evaluators' "union" = hull
 * {@code max(ends) - min(starts)}, which equals the true union whenever the windows overlap and is
 * harmless otherwise (the intersection is 0). An empty hull gives 0.
 */
public final class TemporalIou {

    private TemporalIou() {
    }

    public static double iou(double s1, double e1, double s2, double e2) {
        double inter = Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
        double union = Math.max(e1, e2) - Math.min(s1, s2);
        return union != 0 ? inter / union : 0;
    }

    /**
     * The same in single precision, as TVRetrieval's eval.py computes it (its prediction and GT arrays
     * are float32): every operand is rounded to float first and every step is a float operation.
     */
    public static float iou32(double s1, double e1, double s2, double e2) {
        float ps = (float) s1;
        float pe = (float) e1;
        float gs = (float) s2;
        float ge = (float) e2;
        float inter = Math.max(0f, Math.min(pe, ge) - Math.max(ps, gs));
        float union = Math.max(pe, ge) - Math.min(ps, gs);
        return union != 0f ? inter / union : 0f;
    }
}
