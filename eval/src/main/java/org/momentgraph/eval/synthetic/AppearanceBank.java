package org.momentgraph.eval.synthetic;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed random unit directions, one per named thing ("category:cup", "actor:Alice", "scene:kitchen",
 * "interaction:picks_up"). They depend only on the name and the dimension, never on the corpus seed, so
 * corpora generated with different seeds share one visual world.
 */
final class AppearanceBank {

    private static final long WORLD_SEED = 0x4D6F6D656E74L;

    private final int dim;
    private final ConcurrentHashMap<String, float[]> vectors = new ConcurrentHashMap<>();

    AppearanceBank(int dim) {
        this.dim = dim;
    }

    float[] get(String key) {
        return vectors.computeIfAbsent(key, k -> unit(new SplittableRandom(WORLD_SEED * 31 + k.hashCode()), dim));
    }

    /** A random unit vector drawn from rng. */
    static float[] unit(SplittableRandom rng, int dim) {
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) rng.nextGaussian();
            norm += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dim; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
