package org.momentgraph.eval.tvr;

/** Which box-placement prior {@link BoxPlacementBaseline} answers with. */
public enum BoxPrior {
    /** Runs of annotated frames, longest first (ties: earlier first). No query understanding. */
    LONGEST_RUN,
    /** The span from the first to the last annotated frame first, then the runs longest first. No query understanding. */
    BOX_SPAN,
    /** Runs ranked by MiniLM cosine of the query with the run's joined labels: query understanding only to choose a run. */
    MATCHED_RUN
}
