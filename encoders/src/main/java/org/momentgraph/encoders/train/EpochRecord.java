package org.momentgraph.encoders.train;

import java.util.List;
import java.util.Map;

/**
 * What one epoch did.
 *
 * @param epoch 1-based
 * @param losses mean of each loss term ("total", "vr_hinge", ...) over the epoch's steps
 * @param metrics validation scores after the epoch (empty without a validator)
 * @param stepTotals the total loss of every step, in order
 * @param trainSeconds wall time of the training steps (validation and saving excluded)
 * @param queriesPerSecond training queries per second of {@code trainSeconds}
 * @param learningRate the rate at the epoch's last step
 * @param resumedOptimizer true when the epoch began with fresh Adam moments after a resume
 */
public record EpochRecord(int epoch, Map<String, Double> losses, Map<String, Double> metrics, List<Double> stepTotals,
        double trainSeconds, double queriesPerSecond, double learningRate, boolean resumedOptimizer) {
}
