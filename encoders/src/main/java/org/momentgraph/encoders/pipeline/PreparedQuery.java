package org.momentgraph.encoders.pipeline;

/**
 * A query ready for search: its text (what clip evidence reads) and its query vector from
 * {@link org.momentgraph.encoders.inference.LoadedRetriever} (what the dual encoder reads). Prepare
 * many at once with {@link MomentSearchPipeline#prepare} so the text encoder runs batched.
 */
public record PreparedQuery(String text, float[] vector) {

    public PreparedQuery {
        if (text == null || vector == null) {
            throw new IllegalArgumentException("a prepared query needs its text and vector");
        }
    }
}
