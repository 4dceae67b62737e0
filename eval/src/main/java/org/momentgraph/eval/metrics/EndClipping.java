package org.momentgraph.eval.metrics;

import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;

/**
 * What to do with ground-truth windows that run past the video's duration (Charades-STA has such
 * annotations). Papers differ; the choice is stated in every report.
 */
public enum EndClipping {
    /** Use the annotation as given (TVRetrieval's eval.py does). */
    KEPT,
    /** Cut the window at the duration. */
    CLIPPED;

    /** The query's spans under this convention; unchanged where the duration is unknown (NaN). */
    public Span apply(Span span, double duration) {
        if (this == KEPT || Double.isNaN(duration) || span.end() <= duration) {
            return span;
        }
        return new Span(Math.min(span.start(), duration), duration);
    }

    public java.util.List<Span> apply(Query query) {
        return query.spans().stream().map(s -> apply(s, query.duration())).toList();
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
