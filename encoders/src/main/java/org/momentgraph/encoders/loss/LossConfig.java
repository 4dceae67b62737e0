package org.momentgraph.encoders.loss;

import java.nio.file.Path;
import org.momentgraph.encoders.model.ConfigJson;

/**
 * Which training losses are on, their weights and their hyper-parameters. Stored as JSON next to
 * the model config; absent fields keep the {@link #defaults()}.
 *
 * @param videoHinge {@link VrHingeLoss}
 * @param localization {@link LocalizationLoss}
 * @param videoContrastive {@link VideoContrastiveLoss}
 * @param frameContrastive {@link FrameContrastiveLoss}
 * @param intraVideoContrastive {@link IntraVideoContrastiveLoss}
 * @param hingeMargin Δ of the hinge loss (XML: 0.1)
 * @param hardNegatives hinge on the hardest in-batch negative instead of the mean over negatives
 * @param videoTemperature τ of VideoCL
 * @param symmetricVideoContrast add the video-to-query direction to VideoCL
 * @param frameTemperature τ of FrameCL
 * @param intraVideoTemperature τ of VVCL
 */
public record LossConfig(
        Term videoHinge,
        Term localization,
        Term videoContrastive,
        Term frameContrastive,
        Term intraVideoContrastive,
        float hingeMargin,
        boolean hardNegatives,
        float videoTemperature,
        boolean symmetricVideoContrast,
        float frameTemperature,
        float intraVideoTemperature) {

    /** One switchable loss term. */
    public record Term(boolean enabled, float weight) {
        public Term {
            if (!(weight >= 0) || Float.isInfinite(weight)) {
                throw new IllegalArgumentException("loss weight must be finite and >= 0, got " + weight);
            }
        }

        public static Term on(float weight) {
            return new Term(true, weight);
        }

        public static Term off() {
            return new Term(false, 0f);
        }
    }

    public LossConfig {
        if (videoHinge == null || localization == null || videoContrastive == null
                || frameContrastive == null || intraVideoContrastive == null) {
            throw new IllegalArgumentException("every loss term needs {enabled, weight}");
        }
        requirePositive("videoTemperature", videoTemperature);
        requirePositive("frameTemperature", frameTemperature);
        requirePositive("intraVideoTemperature", intraVideoTemperature);
        if (!(hingeMargin >= 0)) {
            throw new IllegalArgumentException("hingeMargin must be >= 0, got " + hingeMargin);
        }
    }

    /**
     * Hinge 1, start/end 0.2, VideoCL 0.03, FrameCL 0.2, VVCL 0.03. ReLoCLNet uses 0.01 for start/end
     * and 0.03 for FrameCL, but trains 100 epochs on 87k TVR queries; with a few thousand queries and
     * about ten epochs those weights left the localisation loss flat at its uniform value (synthetic,
     * 300 videos: SVMR R1@0.5 1.8), while 0.2 and 0.2 train both tasks (SVMR 24.6, VR R@1 40.9).
     */
    public static LossConfig defaults() {
        return new LossConfig(Term.on(1f), Term.on(0.2f), Term.on(0.03f), Term.on(0.2f), Term.on(0.03f),
                0.1f, false, 0.05f, true, 0.1f, 0.1f);
    }

    public LossConfig withTerms(Term videoHinge, Term localization, Term videoContrastive,
            Term frameContrastive, Term intraVideoContrastive) {
        return new LossConfig(videoHinge, localization, videoContrastive, frameContrastive, intraVideoContrastive,
                hingeMargin, hardNegatives, videoTemperature, symmetricVideoContrast, frameTemperature,
                intraVideoTemperature);
    }

    public String toJson() {
        return ConfigJson.write(this);
    }

    public static LossConfig fromJson(String json, String source) {
        return ConfigJson.read(json, source, defaults(), LossConfig.class);
    }

    public void write(Path file) {
        ConfigJson.writeFile(file, this);
    }

    public static LossConfig read(Path file) {
        return fromJson(ConfigJson.readFile(file), file.toString());
    }

    private static void requirePositive(String name, float value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }
}
