package org.momentgraph.encoders.train;

import ai.djl.training.tracker.Tracker;

/**
 * Linear warm-up from 0 to the peak, then cosine decay to {@code finalFraction x peak} at the last
 * step. DJL's Adam counts updates from 1 for each optimizer it builds; {@code offset} continues the
 * schedule of a resumed run where it stopped.
 */
public final class LearningRateSchedule implements Tracker {

    private final float peak;
    private final int warmupSteps;
    private final int totalSteps;
    private final float finalFraction;
    private final int offset;

    public LearningRateSchedule(float peak, int warmupSteps, int totalSteps, float finalFraction, int offset) {
        this.peak = peak;
        this.warmupSteps = Math.max(0, warmupSteps);
        this.totalSteps = Math.max(1, totalSteps);
        this.finalFraction = finalFraction;
        this.offset = offset;
    }

    /** The rate of global step {@code step} (1-based). */
    public float at(int step) {
        if (step <= warmupSteps) {
            return peak * step / (warmupSteps + 1f);
        }
        double progress = Math.min(1, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return (float) (peak * (finalFraction + (1 - finalFraction) * cosine));
    }

    @Override
    public float getNewValue(int numUpdate) {
        return at(offset + numUpdate);
    }
}
