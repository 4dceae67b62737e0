package org.momentgraph.encoders.boundary;

import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Moment;

/** A scored run of clips {@code start..end} (inclusive indices on a {@link ClipGrid}). */
public record ClipSpan(int start, int end, double score) {

    public ClipSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("clip span needs 0 <= start <= end, got " + start + ".." + end);
        }
    }

    public int length() {
        return end - start + 1;
    }

    /** Temporal IoU in clips: shared clips over clips covered by either span. */
    public double iou(ClipSpan other) {
        return iou(start, end, other.start, other.end);
    }

    static double iou(int s1, int e1, int s2, int e2) {
        int inter = Math.min(e1, e2) - Math.max(s1, s2) + 1;
        if (inter <= 0) {
            return 0;
        }
        int union = (e1 - s1 + 1) + (e2 - s2 + 1) - inter;
        return (double) inter / union;
    }

    public ClipSpan shift(int offset) {
        return new ClipSpan(start + offset, end + offset, score);
    }

    /** The span in seconds on the video's grid. */
    public Moment toMoment(String videoId, ClipGrid grid) {
        int last = Math.min(end, grid.size() - 1);
        int first = Math.min(start, last);
        return new Moment(videoId, grid.clipStart(first), grid.clipEnd(last), score);
    }
}
