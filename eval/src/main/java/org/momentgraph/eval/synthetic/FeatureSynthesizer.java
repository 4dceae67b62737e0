package org.momentgraph.eval.synthetic;

import java.util.List;
import java.util.SplittableRandom;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Span;

/**
 * Per-clip visual features that show objects, actors and the scene strongly and the interaction only
 * weakly: an entity taking part in an event overlapping the clip is salient (the camera dwells on it),
 * other visible entities are faint, and the interaction adds a small direction of its own. Two events on
 * the same objects therefore look almost alike; telling them apart needs the relation structure.
 */
final class FeatureSynthesizer {

    /** Salience of an entity visible in the clip but not acting in it. */
    static final double BACKGROUND_SALIENCE = 0.3;
    /** How much of a specific object instance shows beyond its category. */
    static final double INSTANCE_WEIGHT = 0.35;

    private final FeatureConfig config;
    private final AppearanceBank bank;

    FeatureSynthesizer(FeatureConfig config) {
        this.config = config;
        this.bank = new AppearanceBank(config.dim());
    }

    float[][] synthesize(SceneState s, List<Event> events, double duration, SplittableRandom rng) {
        int dim = config.dim();
        ClipGrid grid = new ClipGrid(duration, config.clipLength());
        float[][] instances = new float[s.entities.size()][];
        for (Entity e : s.entities) {
            instances[e.index()] = AppearanceBank.unit(rng, dim);
        }
        float[][] out = new float[grid.size()][];
        double noiseScale = config.noise() / Math.sqrt(dim);
        for (int c = 0; c < grid.size(); c++) {
            Span clip = grid.clipSpan(c);
            double[] v = new double[dim];
            add(v, bank.get("scene:" + s.scene.name()), config.sceneWeight());
            for (Entity e : s.entities) {
                double salience = BACKGROUND_SALIENCE;
                for (Event ev : events) {
                    if (ev.involves(e.index())) {
                        salience = Math.max(salience, BACKGROUND_SALIENCE + (1 - BACKGROUND_SALIENCE) * overlap(ev.span(), clip));
                    }
                }
                double w = salience * config.objectWeight();
                if (e.isPerson()) {
                    add(v, bank.get("category:person"), 0.5 * w);
                    add(v, bank.get("actor:" + e.actor().name()), w);
                } else {
                    add(v, bank.get("category:" + e.category().label()), w);
                    add(v, instances[e.index()], INSTANCE_WEIGHT * w);
                }
            }
            for (Event ev : events) {
                double f = overlap(ev.span(), clip);
                if (f > 0) {
                    add(v, bank.get("interaction:" + ev.interaction().id()), config.interactionWeight() * f);
                }
            }
            for (int i = 0; i < dim; i++) {
                v[i] += noiseScale * rng.nextGaussian();
            }
            out[c] = normalized(v);
        }
        return out;
    }

    /** The fraction of the clip that the span covers. */
    static double overlap(Span event, Span clip) {
        double inter = Math.min(event.end(), clip.end()) - Math.max(event.start(), clip.start());
        return clip.length() <= 0 ? 0 : Math.max(0, inter) / clip.length();
    }

    private static void add(double[] v, float[] dir, double w) {
        for (int i = 0; i < v.length; i++) {
            v[i] += w * dir[i];
        }
    }

    private static float[] normalized(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        double inv = n > 0 ? 1 / Math.sqrt(n) : 0;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * inv);
        }
        return out;
    }
}
