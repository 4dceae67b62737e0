package org.momentgraph.eval.predictions;

/** The three TVR tasks, in the order TVRetrieval's evaluator reports them. */
public enum TvrTask {
    /** Video corpus moment retrieval: rank (video, span) pairs over the whole corpus. */
    VCMR,
    /** Single video moment retrieval: rank spans inside the query's own video. */
    SVMR,
    /** Video retrieval: rank videos; spans are not read. */
    VR
}
