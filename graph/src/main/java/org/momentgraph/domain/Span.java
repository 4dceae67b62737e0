package org.momentgraph.domain;

/** A time interval in seconds, {@code start <= end}. */
public record Span(double start, double end) {

    public Span {
        if (Double.isNaN(start) || Double.isNaN(end) || end < start) {
            throw new IllegalArgumentException("span needs start <= end, got [" + start + ", " + end + "]");
        }
    }

    public double length() {
        return end - start;
    }

    /** Temporal IoU as TVRetrieval and Moment-DETR compute it (0 when the union is empty). */
    public double iou(Span other) {
        double inter = Math.max(0, Math.min(end, other.end) - Math.max(start, other.start));
        double union = Math.max(end, other.end) - Math.min(start, other.start);
        return union <= 0 ? 0 : inter / union;
    }
}
