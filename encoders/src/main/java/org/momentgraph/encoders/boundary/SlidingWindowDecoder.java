package org.momentgraph.encoders.boundary;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Moment;

/**
 * Decodes videos of any length (a 20-minute video at 1.5 s clips has 800 clips) in overlapping
 * windows: each window gets its own softmax and its own top spans, the spans are shifted to video
 * positions and merged with a final greedy NMS. The overlap is at least {@code maxLength - 1}
 * clips, so every admissible moment lies wholly inside some window. The model itself may also be
 * run per window ({@link #decode(int, WindowScorer)}), bounding memory and attention cost.
 */
public final class SlidingWindowDecoder {

    /** Start and end logits of the clips {@code [from, to)} of a video. */
    public record WindowLogits(float[] start, float[] end) {
    }

    /** Runs the model on one window of clips. */
    @FunctionalInterface
    public interface WindowScorer {
        WindowLogits score(int from, int to);
    }

    private final BoundaryDecoder decoder;
    private final int window;
    private final int stride;

    public SlidingWindowDecoder(BoundaryDecoder decoder, int window, int overlap) {
        if (overlap < decoder.maxLength() - 1 || overlap >= window) {
            throw new IllegalArgumentException("need maxLength - 1 (" + (decoder.maxLength() - 1)
                    + ") <= overlap < window (" + window + "), got overlap " + overlap);
        }
        this.decoder = decoder;
        this.window = window;
        this.stride = window - overlap;
    }

    /** Window start positions covering {@code [0, length)}; the last window ends at the video's end. */
    public List<Integer> windowStarts(int length) {
        List<Integer> starts = new ArrayList<>();
        if (length <= window) {
            starts.add(0);
            return starts;
        }
        for (int from = 0; from + window < length; from += stride) {
            starts.add(from);
        }
        starts.add(length - window);
        return starts;
    }

    public List<ClipSpan> decode(int length, WindowScorer scorer) {
        List<ClipSpan> candidates = new ArrayList<>();
        for (int from : windowStarts(length)) {
            int to = Math.min(length, from + window);
            WindowLogits logits = scorer.score(from, to);
            for (ClipSpan span : decoder.decode(logits.start(), logits.end(), to - from)) {
                candidates.add(span.shift(from));
            }
        }
        return TemporalNms.select(candidates, decoder.topN(), decoder.nmsThreshold());
    }

    /** Windows over precomputed full-length logits (ConvSE is convolutional, so any length works). */
    public List<ClipSpan> decode(float[] startLogits, float[] endLogits, int length) {
        return decode(length, (from, to) -> new WindowLogits(
                java.util.Arrays.copyOfRange(startLogits, from, to),
                java.util.Arrays.copyOfRange(endLogits, from, to)));
    }

    public List<Moment> decodeMoments(String videoId, ClipGrid grid, float[] startLogits, float[] endLogits) {
        int length = Math.min(grid.size(), Math.min(startLogits.length, endLogits.length));
        List<Moment> moments = new ArrayList<>();
        for (ClipSpan span : decode(startLogits, endLogits, length)) {
            moments.add(span.toMoment(videoId, grid));
        }
        return moments;
    }
}
