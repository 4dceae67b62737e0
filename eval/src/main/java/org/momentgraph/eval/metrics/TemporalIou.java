package org.momentgraph.eval.metrics;

/**
 * Temporal IoU of two [start, end] windows, each variant exactly as an official evaluator computes it.
 * {@link #iou} and {@link #iou32} divide by the hull {@code max(ends) - min(starts)}, which equals the
 * true union whenever the windows overlap and is harmless otherwise (the intersection is 0); an empty
 * hull gives 0. {@link #trueIou} divides by the lengths minus the intersection.
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
     * The true IoU, lengths minus intersection in the denominator, as Moment-DETR's eval.py computes
     * it for mAP and R@1 ({@code compute_temporal_iou_batch_cross}); 0/0 gives NaN, as in NumPy.
     */
    public static double trueIou(double s1, double e1, double s2, double e2) {
        double inter = Math.max(Math.min(e1, e2) - Math.max(s1, s2), 0);
        return inter / ((e1 - s1) + (e2 - s2) - inter);
    }

    /**
     * The hull IoU in single precision, as TVRetrieval's eval.py computes it (its prediction and GT arrays
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
