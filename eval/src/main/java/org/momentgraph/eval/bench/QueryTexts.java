package org.momentgraph.eval.bench;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.Query;
import org.momentgraph.eval.synthetic.SyntheticConfig;
import org.momentgraph.eval.synthetic.SyntheticGenerator;
import org.momentgraph.eval.synthetic.SyntheticVideo;

/**
 * Real-looking query sentences for latency benchmarks: the synthetic generator's own queries
 * ("A lady picks up the bottle.", "Kate sits on the chair."), about six per generated video, so a
 * benchmark encodes varied sentences of natural length rather than one string over and over.
 */
public final class QueryTexts {

    private QueryTexts() {
    }

    /** The first {@code n} query texts of a feature-only synthetic corpus with this seed (repeats kept). */
    public static List<String> synthetic(int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one query text, got " + n);
        }
        // feature-only and 8-d features: the generator then spends its time on events and queries only
        SyntheticConfig config = SyntheticConfig.builder().videos(Math.max(1, n / 4 + 8)).seed(seed).featuresOnly(true)
                .dim(8).build();
        List<String> texts = new ArrayList<>(n);
        for (SyntheticVideo video : new SyntheticGenerator(config)) {
            for (Query q : video.queries()) {
                if (texts.size() == n) {
                    return texts;
                }
                texts.add(q.text());
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("the synthetic generator wrote no queries for seed " + seed);
        }
        int generated = texts.size();
        while (texts.size() < n) { // too few videos had describable events: cycle through what there is
            texts.add(texts.get(texts.size() % generated));
        }
        return texts;
    }
}
