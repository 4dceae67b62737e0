package org.momentgraph.encoders.boundary;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Moment;

/**
 * Turns ConvSE's start/end logits of one video into its top moments, as XML decodes them:
 * {@code P_st = softmax(start)}, {@code P_ed = softmax(end)} over the real clips, score of clips
 * {@code s..e} = {@code P_st(s) * P_ed(e)} with {@code s <= e < s + maxLength}, then greedy
 * temporal NMS. Enumerates the L * maxLength admissible spans once: O(L * maxLength) per video.
 */
public final class BoundaryDecoder {

    private final int maxLength;
    private final int topN;
    private final double nmsThreshold;

    /**
     * @param maxLength longest moment in clips
     * @param topN moments to return
     * @param nmsThreshold drop spans whose IoU with a better kept span exceeds this (1 keeps all)
     */
    public BoundaryDecoder(int maxLength, int topN, double nmsThreshold) {
        if (maxLength < 1 || topN < 1 || !(nmsThreshold >= 0 && nmsThreshold <= 1)) {
            throw new IllegalArgumentException("need maxLength >= 1, topN >= 1, nmsThreshold in [0, 1]; got "
                    + maxLength + ", " + topN + ", " + nmsThreshold);
        }
        this.maxLength = maxLength;
        this.topN = topN;
        this.nmsThreshold = nmsThreshold;
    }

    public int maxLength() {
        return maxLength;
    }

    public int topN() {
        return topN;
    }

    public double nmsThreshold() {
        return nmsThreshold;
    }

    /** Top spans from logits; entries at index {@code >= length} (padding) are ignored. */
    public List<ClipSpan> decode(float[] startLogits, float[] endLogits, int length) {
        return decodeProbabilities(softmax(startLogits, 0, length), softmax(endLogits, 0, length));
    }

    /** Top spans from start/end probabilities over one video's real clips. */
    public List<ClipSpan> decodeProbabilities(double[] startProbabilities, double[] endProbabilities) {
        int length = startProbabilities.length;
        if (endProbabilities.length != length) {
            throw new IllegalArgumentException("start and end curves differ in length: "
                    + length + " vs " + endProbabilities.length);
        }
        int capacity = (int) Math.min((long) length * maxLength, Integer.MAX_VALUE);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        double[] scores = new double[capacity];
        int count = 0;
        for (int s = 0; s < length; s++) {
            int last = Math.min(length - 1, s + maxLength - 1);
            for (int e = s; e <= last; e++) {
                starts[count] = s;
                ends[count] = e;
                scores[count] = startProbabilities[s] * endProbabilities[e];
                count++;
            }
        }
        return TemporalNms.select(starts, ends, scores, count, topN, nmsThreshold);
    }

    /** Decodes and converts clip spans to seconds on the video's grid. */
    public List<Moment> decodeMoments(String videoId, ClipGrid grid, float[] startLogits, float[] endLogits) {
        int length = Math.min(grid.size(), Math.min(startLogits.length, endLogits.length));
        List<Moment> moments = new ArrayList<>();
        for (ClipSpan span : decode(startLogits, endLogits, length)) {
            moments.add(span.toMoment(videoId, grid));
        }
        return moments;
    }

    /** Softmax of {@code logits[from, to)} in double precision. */
    static double[] softmax(float[] logits, int from, int to) {
        if (from < 0 || to > logits.length || from >= to) {
            throw new IllegalArgumentException("bad clip range [" + from + ", " + to + ") of " + logits.length);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, logits[i]);
        }
        double[] p = new double[to - from];
        double sum = 0;
        for (int i = from; i < to; i++) {
            p[i - from] = Math.exp(logits[i] - max);
            sum += p[i - from];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
