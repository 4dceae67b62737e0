package org.momentgraph.domain;

import java.util.List;
import java.util.Map;

/**
 * A natural-language query with its ground truth.
 *
 * @param id         the dataset's id (TVR desc_id, QVHighlights qid, or a line-derived id)
 * @param text       the sentence
 * @param videoId    the video the ground truth lies in
 * @param duration   that video's duration in seconds, or NaN where the dataset does not give it
 * @param spans      ground-truth moments (one for TVR and Charades-STA, several for QVHighlights)
 * @param type       TVR's query type ("v", "t", "vt"), or a dataset's own tag; never null, may be empty
 * @param attributes further string fields a dataset carries (e.g. the synthetic benchmark's
 *                   "difficulty"); never null
 */
public record Query(String id, String text, String videoId, double duration, List<Span> spans, String type,
        Map<String, String> attributes) {

    public Query {
        spans = List.copyOf(spans);
        type = type == null ? "" : type;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public Query(String id, String text, String videoId, double duration, List<Span> spans, String type) {
        this(id, text, videoId, duration, spans, type, Map.of());
    }

    /** The first ground-truth span (TVR and Charades-STA have exactly one). */
    public Span span() {
        if (spans.isEmpty()) {
            throw new IllegalStateException("query " + id + " has no ground-truth span");
        }
        return spans.get(0);
    }
}
