package org.momentgraph.encoders.loss;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.momentgraph.encoders.model.DualEncoderOutput;

/**
 * The training objective: the weighted sum of the enabled losses of a {@link LossConfig},
 * {@code L = sum_k w_k L_k}, over one paired batch. Each unweighted term is kept for reporting
 * (progress bar, CSV) under a stable name: {@code vr_hinge}, {@code localization},
 * {@code video_cl}, {@code frame_cl}, {@code intra_video_cl}.
 */
public final class CombinedLoss {

    private final LossConfig config;
    private final VrHingeLoss hinge;
    private final LocalizationLoss localization = new LocalizationLoss();
    private final VideoContrastiveLoss videoContrastive;
    private final FrameContrastiveLoss frameContrastive;
    private final IntraVideoContrastiveLoss intraVideoContrastive;

    public CombinedLoss(LossConfig config) {
        this.config = config;
        hinge = new VrHingeLoss(config.hingeMargin(), config.hardNegatives());
        videoContrastive = new VideoContrastiveLoss(config.videoTemperature(), config.symmetricVideoContrast());
        frameContrastive = new FrameContrastiveLoss(config.frameTemperature());
        intraVideoContrastive = new IntraVideoContrastiveLoss(config.intraVideoTemperature());
    }

    /** The total (scalar, differentiable) and each enabled unweighted term. */
    public record Result(NDArray total, Map<String, NDArray> terms) {

        /** Term values as floats, e.g. for a CSV row; syncs with the engine. */
        public Map<String, Float> values() {
            Map<String, Float> values = new LinkedHashMap<>();
            values.put("total", total.getFloat());
            terms.forEach((name, value) -> values.put(name, value.getFloat()));
            return values;
        }
    }

    /**
     * @param output the model's outputs for a paired batch
     * @param clipMask [B, L] real clips
     * @param startIdx [B] ground-truth first clip (integer array)
     * @param endIdx [B] ground-truth last clip, inclusive (integer array)
     */
    public Result compute(DualEncoderOutput output, NDArray clipMask, NDArray startIdx, NDArray endIdx) {
        NDArray momentMask = LossMath.spanMask(startIdx, endIdx, clipMask.getShape().get(1));
        Map<String, NDArray> terms = new LinkedHashMap<>();
        if (config.videoHinge().enabled()) {
            terms.put("vr_hinge", hinge.compute(output.videoScores()));
        }
        if (config.localization().enabled()) {
            terms.put("localization", localization.compute(
                    output.startLogits(), output.endLogits(), clipMask, startIdx, endIdx));
        }
        if (config.videoContrastive().enabled()) {
            terms.put("video_cl", videoContrastive.compute(output.videoScores()));
        }
        if (config.frameContrastive().enabled()) {
            terms.put("frame_cl", frameContrastive.compute(output.clipScores(), clipMask, momentMask));
        }
        if (config.intraVideoContrastive().enabled()) {
            terms.put("intra_video_cl", intraVideoContrastive.compute(output.fusedClips(), clipMask, momentMask));
        }
        if (terms.isEmpty()) {
            throw new IllegalStateException("every loss is disabled in the loss config");
        }
        NDArray total = null;
        for (Map.Entry<String, NDArray> term : terms.entrySet()) {
            NDArray weighted = term.getValue().mul(weight(term.getKey()));
            total = total == null ? weighted : total.add(weighted);
        }
        return new Result(total, terms);
    }

    private float weight(String term) {
        return switch (term) {
            case "vr_hinge" -> config.videoHinge().weight();
            case "localization" -> config.localization().weight();
            case "video_cl" -> config.videoContrastive().weight();
            case "frame_cl" -> config.frameContrastive().weight();
            case "intra_video_cl" -> config.intraVideoContrastive().weight();
            default -> throw new IllegalArgumentException(term);
        };
    }
}
