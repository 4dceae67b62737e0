package org.momentgraph.eval.synthetic;

/**
 * Everything that determines a synthetic corpus; the same config gives byte-identical files.
 *
 * @param videos         how many videos
 * @param seed           root of the random tree
 * @param features       clip feature synthesis
 * @param noise          detector faults
 * @param fps            detection frame rate
 * @param minDuration    shortest video, seconds
 * @param maxDuration    longest video, seconds
 * @param subtitles      whether videos get dialogue
 * @param featuresOnly   skip detections and write features as sharded npy (scaling corpora)
 * @param distractorBias 0..1: how strongly the planner reuses objects with another interaction
 * @param sequenceRate   probability that a video gets an "X, then Y" query
 */
public record SyntheticConfig(int videos, long seed, FeatureConfig features, NoiseConfig noise, double fps,
        double minDuration, double maxDuration, boolean subtitles, boolean featuresOnly, double distractorBias,
        double sequenceRate) {

    /** Bumped whenever the same config would produce different files. */
    public static final String GENERATOR_VERSION = "1.0";

    public SyntheticConfig {
        if (videos < 1) {
            throw new IllegalArgumentException("videos must be >= 1, got " + videos);
        }
        if (!(fps > 0) || !(minDuration >= 20) || !(maxDuration >= minDuration)) {
            throw new IllegalArgumentException("need fps > 0 and 20 <= minDuration <= maxDuration");
        }
        if (!(distractorBias >= 0 && distractorBias <= 1) || !(sequenceRate >= 0 && sequenceRate <= 1)) {
            throw new IllegalArgumentException("distractorBias and sequenceRate must lie in [0, 1]");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a config; every setting has a default. */
    public static final class Builder {
        private int videos = 20;
        private long seed = 7;
        private FeatureConfig features = FeatureConfig.defaults();
        private NoiseConfig noise = NoiseConfig.defaults();
        private double fps = 3;
        private double minDuration = 20;
        private double maxDuration = 150;
        private boolean subtitles;
        private boolean featuresOnly;
        private double distractorBias = 0.6;
        private double sequenceRate = 0.5;

        public Builder videos(int v) {
            videos = v;
            return this;
        }

        public Builder seed(long s) {
            seed = s;
            return this;
        }

        public Builder features(FeatureConfig f) {
            features = f;
            return this;
        }

        public Builder dim(int d) {
            features = features.withDim(d);
            return this;
        }

        public Builder clipLength(double l) {
            features = features.withClipLength(l);
            return this;
        }

        public Builder interactionWeight(double w) {
            features = features.withInteractionWeight(w);
            return this;
        }

        public Builder noise(NoiseConfig n) {
            noise = n;
            return this;
        }

        public Builder fps(double f) {
            fps = f;
            return this;
        }

        public Builder durations(double min, double max) {
            minDuration = min;
            maxDuration = max;
            return this;
        }

        public Builder subtitles(boolean s) {
            subtitles = s;
            return this;
        }

        public Builder featuresOnly(boolean f) {
            featuresOnly = f;
            return this;
        }

        public Builder distractorBias(double b) {
            distractorBias = b;
            return this;
        }

        public Builder sequenceRate(double r) {
            sequenceRate = r;
            return this;
        }

        public SyntheticConfig build() {
            return new SyntheticConfig(videos, seed, features, noise, fps, minDuration, maxDuration, subtitles,
                    featuresOnly, distractorBias, sequenceRate);
        }
    }
}
