package org.momentgraph.eval.tvr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;

/**
 * Baseline 3, SVMR only, trained: the same window for every query, placed at the training queries'
 * mean moment centre (as a share of the clip's duration) with their mean length in seconds. Ranks 2..
 * are that window shifted by half its length, alternately later and earlier (up to 20 windows), so
 * R@5 means something. Neither the query nor the boxes are read.
 */
public final class PositionalPriorBaseline implements TvrBaseline {

    private static final int WINDOWS = 20;

    @Override
    public String name() {
        return "positional prior (train mean)";
    }

    @Override
    public boolean needsTraining() {
        return true;
    }

    /** (mean centre / duration, mean length in seconds) of {@code train}. */
    public static double[] fit(List<Query> train) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the positional prior needs training queries");
        }
        double centre = 0;
        double length = 0;
        for (Query q : train) {
            Span s = q.span();
            centre += (s.start() + s.end()) / 2 / q.duration();
            length += s.length();
        }
        return new double[] {centre / train.size(), length / train.size()};
    }

    @Override
    public TvrSubmission predict(List<Query> train, List<Query> test) {
        double[] prior = fit(train);
        List<RankedMoments> svmr = new ArrayList<>();
        for (Query q : test) {
            double length = Math.min(prior[1], q.duration());
            double centre = prior[0] * q.duration();
            List<Moment> ranked = new ArrayList<>();
            for (int i = 0; ranked.size() < WINDOWS && i < 4 * WINDOWS; i++) {
                double shift = (i % 2 == 1 ? 1 : -1) * ((i + 1) / 2) * length / 2;
                double start = Math.max(0, Math.min(q.duration() - length, centre + shift - length / 2));
                Moment m = new Moment(q.videoId(), start, start + length, -Math.abs(shift));
                if (ranked.stream().noneMatch(k -> k.span().equals(m.span()))) {
                    ranked.add(m);
                }
            }
            svmr.add(new RankedMoments(q.id(), q.text(), ranked));
        }
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        tasks.put(TvrTask.SVMR, svmr);
        return TvrSubmission.of(tasks);
    }
}
