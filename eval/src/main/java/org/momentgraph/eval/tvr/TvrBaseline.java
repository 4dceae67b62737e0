package org.momentgraph.eval.tvr;

import java.util.List;
import org.momentgraph.domain.Query;
import org.momentgraph.eval.predictions.TvrSubmission;

/** A TVR predictor that may fit on training queries and predicts for test queries over the whole corpus. */
public interface TvrBaseline {

    /** Short name for tables ("zero-shot label cosine (joined)"). */
    String name();

    /** Whether {@link #predict} reads {@code train}; zero-shot baselines are also scored on all queries. */
    boolean needsTraining();

    /** Predictions for every query of {@code test} (the tasks it supports, at most 100 per list). */
    TvrSubmission predict(List<Query> train, List<Query> test);
}
