package org.momentgraph.encoders.pipeline;

import java.util.List;

/**
 * One ranked search result. For VR the span is the whole video.
 *
 * @param videoId the video
 * @param start seconds
 * @param end seconds
 * @param score the ranking score (see {@link MomentSearchPipeline} for each task's formula)
 * @param vrScore the model's video score of the pair (after any evidence term, see {@link PipelineConfig#evidenceVrWeight})
 * @param filterScore mean clip evidence over the span in [0, 1], NaN without clip evidence
 * @param explanation evidence behind the result (only for the first {@link PipelineConfig#explainTop} results)
 */
public record MomentResult(String videoId, double start, double end, double score, double vrScore, double filterScore,
        List<EvidenceMatch> explanation) {

    public MomentResult {
        explanation = List.copyOf(explanation);
    }

    MomentResult withExplanation(List<EvidenceMatch> matches) {
        return new MomentResult(videoId, start, end, score, vrScore, filterScore, matches);
    }
}
