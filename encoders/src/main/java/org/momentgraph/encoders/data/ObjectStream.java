package org.momentgraph.encoders.data;

import java.util.Set;

/**
 * Per-clip object features of a corpus: for each video, one fixed-length vector per clip of its
 * retrieval grid ({@link org.momentgraph.domain.Video#grid()}), summarising the objects detected (or
 * drawn) in that clip. The retriever consumes it like any other clip-feature stream.
 *
 * <p>Rows of clips without a single annotated frame are all zeros; {@link #annotated} says which
 * clips those are, so a model can tell "nothing detected" from "nothing looked at".
 */
public interface ObjectStream {

    /** Length of every clip vector. */
    int dim();

    /** The videos this stream covers. */
    Set<String> videos();

    /** {@code float[grid size][dim()]} for {@code videoId}; a fresh copy the caller may change. */
    float[][] clips(String videoId);

    /** Per grid clip, whether at least one frame of it was annotated (had detections run on it). */
    boolean[] annotated(String videoId);
}
