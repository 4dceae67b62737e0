package org.momentgraph.encoders.data;

import java.util.Map;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;

/**
 * One training or evaluation pair: a query (its text and frozen MiniLM token features) and the
 * clip indices of its ground-truth moment on the video's {@link ClipGrid}.
 *
 * @param queryId the dataset's query id
 * @param queryText the sentence
 * @param queryTokens frozen token features {@code [T][queryDim]} (shared, never modified)
 * @param videoId the video holding the moment
 * @param startClip first clip of the moment
 * @param endClip last clip of the moment, inclusive
 * @param query the dataset record (ground truth in seconds, type, attributes such as difficulty)
 */
public record MomentExample(String queryId, String queryText, float[][] queryTokens, String videoId, int startClip,
        int endClip, Query query) {

    public MomentExample {
        if (queryTokens == null || queryTokens.length == 0) {
            throw new IllegalArgumentException("query " + queryId + " has no token features");
        }
        if (startClip < 0 || endClip < startClip) {
            throw new IllegalArgumentException("query " + queryId + ": bad clip span " + startClip + ".." + endClip);
        }
    }

    /** The example of a query whose first span lies on {@code grid}: the clips the span touches. */
    public static MomentExample of(Query query, ClipGrid grid, float[][] tokens) {
        Span span = query.span();
        int start = grid.clipAt(span.start());
        // the end is exclusive in time: a span ending exactly on a clip boundary does not touch the next clip
        int end = Math.max(start, grid.clipAt(Math.max(span.start(), span.end() - 1e-6)));
        return new MomentExample(query.id(), query.text(), tokens, query.videoId(), start, end, query);
    }

    public int tokenCount() {
        return queryTokens.length;
    }

    public int lengthInClips() {
        return endClip - startClip + 1;
    }

    /** A string attribute of the query (e.g. "difficulty"), or null. */
    public String attribute(String name) {
        Map<String, String> attributes = query == null ? Map.of() : query.attributes();
        return attributes.get(name);
    }
}
