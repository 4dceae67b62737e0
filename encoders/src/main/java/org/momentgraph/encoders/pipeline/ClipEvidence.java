package org.momentgraph.encoders.pipeline;

import java.util.List;
import org.momentgraph.domain.Video;

/**
 * Evidence about which clips of some candidate videos can hold a query's moment, independent of the
 * dual encoder: the graph message-passing clip filter (through an adapter), object-label presence,
 * label cosine. {@link MomentSearchPipeline} uses it to screen VCMR candidates (only clips that
 * survive are localised) and to weight moment scores.
 *
 * <p>Contract: scores lie in [0, 1] (an adapter squashes raw network scores, e.g. with a sigmoid),
 * one array per video in the order given, one entry per clip of the video's grid; an array may be
 * shorter than the grid (missing clips count as 0). Implementations used from one pipeline are
 * called from one thread at a time.
 */
public interface ClipEvidence {

    /** Per-clip relevance of {@code query} in each of {@code videos}. */
    List<float[]> clipScores(String query, List<Video> videos);

    /** Why clips {@code firstClip..lastClip} of a video match the query, best first; empty when unknown. */
    default List<EvidenceMatch> explain(String query, String videoId, int firstClip, int lastClip) {
        return List.of();
    }
}
