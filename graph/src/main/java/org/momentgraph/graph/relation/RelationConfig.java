package org.momentgraph.graph.relation;

/**
 * Thresholds of the relation vocabulary. Every distance is scale-free: in units of the two boxes' mean
 * diagonal (or mean width / height for left/right/above/below), and motion rates are per second, so
 * one setting serves any frame size, frame rate and clip length. docs/relations.md has the table.
 *
 * @param contactMaxGap             CONTACT when boxes overlap or their edge gap is at most this (0.05)
 * @param nearMaxDistance           NEAR when the centre distance is at most this (1.0)
 * @param insideMinFraction         INSIDE when at least this share of the source box lies in the target (0.9) ...
 * @param insideMaxAreaRatio        ... and the source is at most this fraction of the target's area (0.8)
 * @param directionMargin           LEFT_OF etc. when the centre offset along the axis is at least this many
 *                                  mean widths (heights) (0.5)
 * @param directionMaxDistance      no directional relations between boxes farther apart than this (3.0)
 * @param approachMinRate           APPROACHING when the source moves toward the target at least this fast
 *                                  (mean diagonals per second) (0.15)
 * @param apartMinRate              MOVING_APART when the centre distance grows at least this fast (0.15)
 * @param togetherMinSpeed          MOVING_TOGETHER needs both to move at least this fast (0.15) ...
 * @param togetherMaxVelocityDiff   ... with velocities differing by at most this fraction of their mean speed (0.5)
 * @param minMotionSeconds          motion is judged only over at least this much time (0.3)
 */
public record RelationConfig(double contactMaxGap, double nearMaxDistance, double insideMinFraction,
        double insideMaxAreaRatio, double directionMargin, double directionMaxDistance, double approachMinRate,
        double apartMinRate, double togetherMinSpeed, double togetherMaxVelocityDiff, double minMotionSeconds) {

    public RelationConfig {
        double[] all = {contactMaxGap, nearMaxDistance, insideMinFraction, insideMaxAreaRatio, directionMargin,
            directionMaxDistance, approachMinRate, apartMinRate, togetherMinSpeed, togetherMaxVelocityDiff,
            minMotionSeconds};
        for (double v : all) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("relation thresholds must be finite and >= 0, got " + java.util.Arrays.toString(all));
            }
        }
    }

    public static RelationConfig defaults() {
        return new RelationConfig(0.05, 1.0, 0.9, 0.8, 0.5, 3.0, 0.15, 0.15, 0.15, 0.5, 0.3);
    }
}
