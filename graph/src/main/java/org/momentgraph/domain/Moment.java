package org.momentgraph.domain;

/** A predicted moment: a span of a video with a score (higher is better). */
public record Moment(String videoId, double start, double end, double score) {

    public Span span() {
        return new Span(start, end);
    }
}
