package org.momentgraph.eval.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.momentgraph.graph.mp.ClipFilter;

/**
 * Recall of ground-truth clips after filtering, against the fraction of candidate clips pruned,
 * averaged over queries. Ties in score are broken in expectation (a kept share of a tied group
 * keeps the same share of its ground-truth clips), so coarse scorers such as presence get no
 * lucky ordering.
 */
public final class RecallCurve {

    /** Keep fractions at which the curve is read. */
    public static final double[] FRACTIONS = {0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};

    /** One point: keeping {@code keepFraction} of the candidates (pruning 1 - that) keeps {@code recall}. */
    public record Point(double keepFraction, double recall) {
        public double pruned() {
            return 1 - keepFraction;
        }
    }

    private final double[] recallSums = new double[FRACTIONS.length];
    private int queries;

    /**
     * Adds one query's ranking: candidate clips ranked by {@link ClipFilter#rank}, the ones in
     * {@code truth} ("videoId#clip") are its ground truth.
     */
    public void add(List<ClipFilter.ClipRef> ranked, Set<String> truth) {
        int n = ranked.size();
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            ClipFilter.ClipRef r = ranked.get(i);
            scores[i] = r.score();
            positive[i] = truth.contains(r.videoId() + "#" + r.clip());
            total += positive[i] ? 1 : 0;
        }
        if (total == 0 || n == 0) {
            return;
        }
        queries++;
        for (int f = 0; f < FRACTIONS.length; f++) {
            int keep = (int) Math.min(n, Math.max(1, Math.ceil(FRACTIONS[f] * n)));
            recallSums[f] += keptPositives(scores, positive, keep) / total;
        }
    }

    /** Expected positives among the first {@code keep} of a best-first ranking with random tie order. */
    static double keptPositives(double[] scores, boolean[] positive, int keep) {
        double cut = scores[keep - 1];
        int above = 0;
        int tied = 0;
        int positivesAbove = 0;
        int positivesTied = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > cut) {
                above++;
                positivesAbove += positive[i] ? 1 : 0;
            } else if (scores[i] == cut) {
                tied++;
                positivesTied += positive[i] ? 1 : 0;
            }
        }
        return positivesAbove + positivesTied * (keep - above) / (double) tied;
    }

    public int queries() {
        return queries;
    }

    public List<Point> points() {
        List<Point> out = new ArrayList<>();
        for (int f = 0; f < FRACTIONS.length; f++) {
            out.add(new Point(FRACTIONS[f], queries == 0 ? 0 : recallSums[f] / queries));
        }
        return out;
    }

    /** The largest pruned fraction among the curve's points whose recall reaches {@code recall}; 0 if none. */
    public double prunedAtRecall(double recall) {
        return points().stream().filter(p -> p.recall() >= recall).mapToDouble(Point::pruned).max().orElse(0);
    }

    /** Averages of several curves (e.g. folds), point by point. */
    public static List<Point> mean(List<List<Point>> curves) {
        double[] sums = new double[FRACTIONS.length];
        for (List<Point> c : curves) {
            for (int f = 0; f < FRACTIONS.length; f++) {
                sums[f] += c.get(f).recall();
            }
        }
        List<Point> out = new ArrayList<>();
        for (int f = 0; f < FRACTIONS.length; f++) {
            out.add(new Point(FRACTIONS[f], curves.isEmpty() ? 0 : sums[f] / curves.size()));
        }
        return out;
    }

    @Override
    public String toString() {
        return queries + " queries " + Arrays.toString(points().stream().mapToDouble(Point::recall).toArray());
    }
}
