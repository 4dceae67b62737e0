package org.momentgraph.graph.track;

import java.util.List;
import java.util.Set;

/**
 * Settings of the {@link Tracker}. Distances are scale-free: a centre distance is divided by the
 * mean diagonal of the two boxes, so the same settings work for 640x360 TVQA+ frames and 1080p.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>minIou</td><td>0.1</td><td>a same-label pair matches when its IoU reaches this ...</td></tr>
 *   <tr><td>maxCenterDistance</td><td>0.5</td><td>... or its centres lie within this many mean diagonals</td></tr>
 *   <tr><td>maxGapSeconds</td><td>2.5</td><td>a track unseen this long is closed (TVQA+ boxes are 2 s apart)</td></tr>
 *   <tr><td>normalizeLabels</td><td>true</td><td>compare labels lower-cased with a plural "s" dropped
 *       ("Sheldon" = "sheldon", "hands" = "hand"); the track keeps the original spelling</td></tr>
 *   <tr><td>confusableLabels</td><td>{@link #DEFAULT_CONFUSABLE}</td><td>groups of labels a detector
 *       mixes up; a pair across one group matches at an extra cost</td></tr>
 *   <tr><td>confusablePenalty</td><td>0.25</td><td>that extra cost</td></tr>
 *   <tr><td>geometryMatchMinIou</td><td>0.5</td><td>unrelated labels still match when the boxes overlap
 *       this much (label noise); set above 1 to disable</td></tr>
 *   <tr><td>geometryMatchPenalty</td><td>0.5</td><td>extra cost of such a match</td></tr>
 *   <tr><td>assignment</td><td>HUNGARIAN</td><td>per-frame assignment method</td></tr>
 *   <tr><td>minTrackPoints</td><td>1</td><td>shorter tracks are dropped as noise</td></tr>
 *   <tr><td>reacquireDistance</td><td>3.0</td><td>a second pass links a track left unmatched in a frame to a
 *       leftover detection of the same label within this many mean diagonals: a small object moving fast
 *       (a cup picked up, a ball kicked) jumps further than {@code maxCenterDistance} between frames at a few
 *       fps; 0 turns the pass off</td></tr>
 * </table>
 *
 * <p>The cost of a pair is {@code (1 - IoU) + centreDistance + penalty}; lower is better.
 */
public record TrackerConfig(double minIou, double maxCenterDistance, double maxGapSeconds, boolean normalizeLabels,
        List<Set<String>> confusableLabels, double confusablePenalty, double geometryMatchMinIou,
        double geometryMatchPenalty, AssignmentMethod assignment, int minTrackPoints, double reacquireDistance) {

    /** Person words and a few object classes that COCO-style and caption-derived labels mix up. */
    public static final List<Set<String>> DEFAULT_CONFUSABLE = List.of(
            Set.of("person", "man", "woman", "boy", "girl", "guy", "lady", "people", "child", "kid"),
            Set.of("couch", "sofa", "chair", "seat", "bench"),
            Set.of("cup", "mug", "glass", "drink", "bottle"),
            Set.of("table", "desk", "counter"),
            Set.of("laptop", "computer", "monitor", "screen", "tv"),
            Set.of("phone", "cellphone", "cell phone", "smartphone"),
            Set.of("bed", "mattress"),
            Set.of("hand", "arm"));

    public TrackerConfig {
        confusableLabels = List.copyOf(confusableLabels);
        if (!(minIou >= 0 && minIou <= 1)) {
            throw new IllegalArgumentException("minIou must be in [0, 1], got " + minIou);
        }
        if (!(maxCenterDistance >= 0) || !(maxGapSeconds >= 0) || !(confusablePenalty >= 0)
                || !(geometryMatchPenalty >= 0) || !(geometryMatchMinIou >= 0) || !(reacquireDistance >= 0)) {
            throw new IllegalArgumentException("tracker distances, gaps and penalties must be >= 0");
        }
        if (minTrackPoints < 1) {
            throw new IllegalArgumentException("minTrackPoints must be >= 1, got " + minTrackPoints);
        }
        if (assignment == null) {
            throw new IllegalArgumentException("assignment must not be null");
        }
    }

    public static TrackerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().minIou(minIou).maxCenterDistance(maxCenterDistance).maxGapSeconds(maxGapSeconds)
                .normalizeLabels(normalizeLabels).confusableLabels(confusableLabels)
                .confusablePenalty(confusablePenalty).geometryMatch(geometryMatchMinIou, geometryMatchPenalty)
                .assignment(assignment).minTrackPoints(minTrackPoints).reacquireDistance(reacquireDistance);
    }

    /** Builds a {@link TrackerConfig}; unset fields keep the documented defaults. */
    public static final class Builder {
        private double minIou = 0.1;
        private double maxCenterDistance = 0.5;
        private double maxGapSeconds = 2.5;
        private boolean normalizeLabels = true;
        private List<Set<String>> confusableLabels = DEFAULT_CONFUSABLE;
        private double confusablePenalty = 0.25;
        private double geometryMatchMinIou = 0.5;
        private double geometryMatchPenalty = 0.5;
        private AssignmentMethod assignment = AssignmentMethod.HUNGARIAN;
        private int minTrackPoints = 1;
        private double reacquireDistance = 3.0;

        public Builder minIou(double v) {
            minIou = v;
            return this;
        }

        public Builder maxCenterDistance(double v) {
            maxCenterDistance = v;
            return this;
        }

        public Builder maxGapSeconds(double v) {
            maxGapSeconds = v;
            return this;
        }

        public Builder normalizeLabels(boolean v) {
            normalizeLabels = v;
            return this;
        }

        public Builder confusableLabels(List<Set<String>> v) {
            confusableLabels = v;
            return this;
        }

        public Builder confusablePenalty(double v) {
            confusablePenalty = v;
            return this;
        }

        public Builder geometryMatch(double minIou, double penalty) {
            geometryMatchMinIou = minIou;
            geometryMatchPenalty = penalty;
            return this;
        }

        public Builder assignment(AssignmentMethod v) {
            assignment = v;
            return this;
        }

        public Builder minTrackPoints(int v) {
            minTrackPoints = v;
            return this;
        }

        public Builder reacquireDistance(double v) {
            reacquireDistance = v;
            return this;
        }

        public TrackerConfig build() {
            return new TrackerConfig(minIou, maxCenterDistance, maxGapSeconds, normalizeLabels, confusableLabels,
                    confusablePenalty, geometryMatchMinIou, geometryMatchPenalty, assignment, minTrackPoints,
                    reacquireDistance);
        }
    }
}
