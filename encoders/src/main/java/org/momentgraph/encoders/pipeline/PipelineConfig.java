package org.momentgraph.encoders.pipeline;

/**
 * Settings of a {@link MomentSearchPipeline}.
 *
 * @param vcmrVideos N: VCMR localises inside the N best VR videos (XML/ReLoCLNet use 100; 50 is plenty here)
 * @param momentsPerVideo moments decoded per candidate video before the global VCMR ranking
 * @param vrTemperature τ of the exp-normalisation of VR scores over the N candidates ({@code softmax(vr / τ)})
 * @param filterKeepFraction share of the candidates' clips the clip evidence keeps (0, 1]; 1 keeps all
 * @param filterVideoWeight weight of a video's best clip evidence added to each of its clips' ranking score
 * @param filterAlpha exponent of the filter score in moment scores; 0 screens only and leaves scores alone
 * @param evidenceVrWeight w: the VR score used everywhere is {@code model score + w * best clip evidence
 *     + v * video evidence}; 0 for no clip evidence term
 * @param videoEvidenceVrWeight v of the {@link VideoEvidence} term in that VR score; 0 for none
 * @param hnswThreshold corpora of at least this many videos pre-select VR candidates with the index's HNSW graph
 * @param explainTop results per call that get an explanation (explaining costs one evidence call each)
 */
public record PipelineConfig(int vcmrVideos, int momentsPerVideo, double vrTemperature, double filterKeepFraction,
        double filterVideoWeight, double filterAlpha, double evidenceVrWeight, double videoEvidenceVrWeight,
        int hnswThreshold, int explainTop) {

    public PipelineConfig {
        if (vcmrVideos < 1 || momentsPerVideo < 1 || hnswThreshold < 1 || explainTop < 0) {
            throw new IllegalArgumentException("need vcmrVideos, momentsPerVideo, hnswThreshold >= 1 and explainTop >= 0");
        }
        if (!(vrTemperature > 0) || !(filterKeepFraction > 0 && filterKeepFraction <= 1) || !(filterAlpha >= 0)
                || !(filterVideoWeight >= 0) || !Double.isFinite(evidenceVrWeight)
                || !Double.isFinite(videoEvidenceVrWeight)) {
            throw new IllegalArgumentException("need vrTemperature > 0, filterKeepFraction in (0, 1], filterAlpha >= 0, "
                    + "filterVideoWeight >= 0 and finite evidence weights");
        }
    }

    /** 50 VCMR videos, 10 moments each, τ = 0.05, filter keeps 30% of clips, alpha 1, no VR evidence terms. */
    public static PipelineConfig defaults() {
        return new PipelineConfig(50, 10, 0.05, 0.3, 1.0, 1.0, 0.0, 0.0, 100_000, 5);
    }

    public PipelineConfig withFilter(double keepFraction, double alpha) {
        return new PipelineConfig(vcmrVideos, momentsPerVideo, vrTemperature, keepFraction, filterVideoWeight, alpha,
                evidenceVrWeight, videoEvidenceVrWeight, hnswThreshold, explainTop);
    }

    public PipelineConfig withEvidenceVrWeight(double w) {
        return new PipelineConfig(vcmrVideos, momentsPerVideo, vrTemperature, filterKeepFraction, filterVideoWeight,
                filterAlpha, w, videoEvidenceVrWeight, hnswThreshold, explainTop);
    }

    public PipelineConfig withVideoEvidenceVrWeight(double v) {
        return new PipelineConfig(vcmrVideos, momentsPerVideo, vrTemperature, filterKeepFraction, filterVideoWeight,
                filterAlpha, evidenceVrWeight, v, hnswThreshold, explainTop);
    }

    public PipelineConfig withVrTemperature(double tau) {
        return new PipelineConfig(vcmrVideos, momentsPerVideo, tau, filterKeepFraction, filterVideoWeight, filterAlpha,
                evidenceVrWeight, videoEvidenceVrWeight, hnswThreshold, explainTop);
    }

    public PipelineConfig withMomentsPerVideo(int n) {
        return new PipelineConfig(vcmrVideos, n, vrTemperature, filterKeepFraction, filterVideoWeight, filterAlpha,
                evidenceVrWeight, videoEvidenceVrWeight, hnswThreshold, explainTop);
    }

    public PipelineConfig withVcmrVideos(int n) {
        return new PipelineConfig(n, momentsPerVideo, vrTemperature, filterKeepFraction, filterVideoWeight, filterAlpha,
                evidenceVrWeight, videoEvidenceVrWeight, hnswThreshold, explainTop);
    }

    public PipelineConfig withExplainTop(int n) {
        return new PipelineConfig(vcmrVideos, momentsPerVideo, vrTemperature, filterKeepFraction, filterVideoWeight,
                filterAlpha, evidenceVrWeight, videoEvidenceVrWeight, hnswThreshold, n);
    }

    public PipelineConfig withHnswThreshold(int n) {
        return new PipelineConfig(vcmrVideos, momentsPerVideo, vrTemperature, filterKeepFraction, filterVideoWeight,
                filterAlpha, evidenceVrWeight, videoEvidenceVrWeight, n, explainTop);
    }
}
