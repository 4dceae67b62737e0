package org.momentgraph.encoders.pipeline;

import java.util.List;
import org.momentgraph.domain.Video;

/**
 * Evidence about which whole videos match a query, independent of the dual encoder: e.g. the cosine
 * between the query and the objects detected anywhere in the video ({@link LabelTextEvidence}).
 * {@link MomentSearchPipeline} adds {@code w * score} to every VR score
 * ({@link PipelineConfig#videoEvidenceVrWeight}), so it moves videos in VR and in VCMR's choice of
 * candidate videos. Scores lie in [-1, 1], one per video in the order given. Implementations used from
 * one pipeline are called from one thread at a time.
 */
public interface VideoEvidence {

    /** How well each of {@code videos} matches {@code query} as a whole. */
    double[] videoScores(String query, List<Video> videos);
}
