package org.momentgraph.encoders.train;

import com.fasterxml.jackson.databind.JsonNode;
import org.momentgraph.encoders.model.ConfigJson;

/**
 * Optimisation settings of a training run; JSON with absent fields at their {@link #defaults()}.
 *
 * @param epochs passes over the training split
 * @param batchSize queries (each with its own video) per step
 * @param learningRate Adam's peak learning rate
 * @param warmupFraction share of all steps spent ramping the rate linearly up from 0
 * @param finalLearningRateFraction the cosine decay ends at this share of the peak
 * @param gradientClip clip each gradient element to [-c, c]; 0 for none
 * @param seed seeds parameter init, dropout, shuffling and windows: same seed, same numbers
 * @param maxClips longest clip window of a training video; longer videos are cut around the moment
 * @param keepCheckpoints checkpoints kept in {@code checkpoints/} (the newest ones)
 */
public record TrainConfig(int epochs, int batchSize, float learningRate, float warmupFraction,
        float finalLearningRateFraction, float gradientClip, long seed, int maxClips, int keepCheckpoints) {

    public TrainConfig {
        if (epochs < 1 || batchSize < 2 || maxClips < 1 || keepCheckpoints < 1) {
            throw new IllegalArgumentException("need epochs >= 1, batchSize >= 2 (in-batch negatives), maxClips >= 1, "
                    + "keepCheckpoints >= 1");
        }
        if (!(learningRate > 0) || !(warmupFraction >= 0 && warmupFraction < 1)
                || !(finalLearningRateFraction >= 0 && finalLearningRateFraction <= 1) || !(gradientClip >= 0)) {
            throw new IllegalArgumentException("need learningRate > 0, warmupFraction in [0, 1), "
                    + "finalLearningRateFraction in [0, 1], gradientClip >= 0");
        }
    }

    public static TrainConfig defaults() {
        return new TrainConfig(10, 32, 5e-4f, 0.1f, 0.05f, 1f, 7, 128, 2);
    }

    public TrainConfig withEpochs(int n) {
        return new TrainConfig(n, batchSize, learningRate, warmupFraction, finalLearningRateFraction, gradientClip, seed,
                maxClips, keepCheckpoints);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(epochs, batchSize, learningRate, warmupFraction, finalLearningRateFraction, gradientClip, s,
                maxClips, keepCheckpoints);
    }

    public String toJson() {
        return ConfigJson.write(this);
    }

    public static TrainConfig fromJson(JsonNode node, String source) {
        return ConfigJson.read(node, source, defaults(), TrainConfig.class);
    }
}
