package org.momentgraph.eval.synthetic;

/**
 * How clip features are synthesised. A clip's vector sums unit "appearance" directions: the scene, each
 * visible entity (its category, its instance, and for actors their identity) weighted by how salient it
 * is in the clip, and a small interaction direction for the events overlapping the clip; then noise, then
 * L2 normalisation.
 *
 * @param dim               vector size
 * @param clipLength        seconds per clip
 * @param sceneWeight       weight of the scene direction
 * @param objectWeight      weight of each entity's appearance
 * @param interactionWeight weight of the interaction direction (kept small: the interaction is only weakly visible)
 * @param noise             norm of the per-clip Gaussian noise
 */
public record FeatureConfig(int dim, double clipLength, double sceneWeight, double objectWeight,
        double interactionWeight, double noise) {

    public FeatureConfig {
        if (dim < 8 || !(clipLength > 0) || sceneWeight < 0 || objectWeight < 0 || interactionWeight < 0 || noise < 0) {
            throw new IllegalArgumentException("feature config needs dim >= 8, clipLength > 0, weights >= 0");
        }
    }

    public static FeatureConfig defaults() {
        return new FeatureConfig(256, 2.0, 1.0, 1.0, 0.3, 0.3);
    }

    public FeatureConfig withDim(int d) {
        return new FeatureConfig(d, clipLength, sceneWeight, objectWeight, interactionWeight, noise);
    }

    public FeatureConfig withClipLength(double l) {
        return new FeatureConfig(dim, l, sceneWeight, objectWeight, interactionWeight, noise);
    }

    public FeatureConfig withInteractionWeight(double w) {
        return new FeatureConfig(dim, clipLength, sceneWeight, objectWeight, w, noise);
    }
}
