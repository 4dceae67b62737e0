package org.momentgraph.eval.tvr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Span;

/**
 * Moments from per-clip scores: the scores are smoothed with a [1, 2, 1] / 4 kernel (edges
 * renormalised), every window of 1..{@code maxClips} consecutive grid clips gets
 * {@code mean(smoothed scores) - lengthPenalty * |ln(window seconds / typicalSeconds)|}, and the windows
 * are ranked by that score with greedy NMS (a window overlapping a better one by IoU > {@code nmsIou}
 * is dropped). The length term keeps the mean (which favours the single best clip) from always
 * answering with one 1.5 s clip. Windows are whole grid clips, as TVR's own proposals are.
 *
 * @param maxClips       longest window in clips
 * @param typicalSeconds the moment length the penalty is centred on
 * @param lengthPenalty  weight of the log-length penalty (score units)
 * @param nmsIou         NMS threshold
 */
public record SlidingWindows(int maxClips, double typicalSeconds, double lengthPenalty, double nmsIou) {

    /** A window and its score. */
    public record Scored(Span span, double score) {
    }

    /**
     * Defaults: windows up to 40 clips (60 s), centred on 9 s (TVR's mean moment length, Lei et al.
     * 2020, Table 1; not measured here), penalty 0.02, NMS IoU 0.5.
     */
    public static SlidingWindows defaults() {
        return new SlidingWindows(40, 9.0, 0.02, 0.5);
    }

    public SlidingWindows {
        if (maxClips < 1 || !(typicalSeconds > 0) || !(lengthPenalty >= 0) || !(nmsIou >= 0 && nmsIou <= 1)) {
            throw new IllegalArgumentException("bad sliding-window options: " + maxClips + ", " + typicalSeconds
                    + ", " + lengthPenalty + ", " + nmsIou);
        }
    }

    /** The best {@code limit} windows over {@code grid}, best first; {@code clipScores.length} must be the grid size. */
    public List<Scored> rank(ClipGrid grid, double[] clipScores, int limit) {
        int n = grid.size();
        if (clipScores.length != n) {
            throw new IllegalArgumentException("need " + n + " clip scores, got " + clipScores.length);
        }
        double[] prefix = new double[n + 1];
        double[] smooth = smooth(clipScores);
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] + smooth[i];
        }
        List<Scored> all = new ArrayList<>();
        for (int first = 0; first < n; first++) {
            for (int last = first; last < Math.min(n, first + maxClips); last++) {
                Span span = grid.span(first, last);
                double mean = (prefix[last + 1] - prefix[first]) / (last - first + 1);
                double seconds = Math.max(span.length(), 1e-3);
                all.add(new Scored(span, mean - lengthPenalty * Math.abs(Math.log(seconds / typicalSeconds))));
            }
        }
        all.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingDouble(s -> s.span().start()).thenComparingDouble(s -> s.span().end()));
        List<Scored> kept = new ArrayList<>();
        for (Scored s : all) {
            if (kept.size() >= limit) {
                break;
            }
            boolean suppressed = false;
            for (Scored k : kept) {
                if (k.span().iou(s.span()) > nmsIou) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(s);
            }
        }
        return kept;
    }

    static double[] smooth(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double sum = 2 * x[i];
            double weight = 2;
            if (i > 0) {
                sum += x[i - 1];
                weight++;
            }
            if (i + 1 < x.length) {
                sum += x[i + 1];
                weight++;
            }
            out[i] = sum / weight;
        }
        return out;
    }
}
