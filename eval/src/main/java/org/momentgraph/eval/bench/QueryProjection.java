package org.momentgraph.eval.bench;

import java.util.SplittableRandom;

/**
 * A fixed random linear map from sentence embeddings to the index's vector dimension, then L2
 * normalisation: stands in for a trained query head (one {@code in x out} matrix-vector product)
 * so that benchmark queries come from real sentences and cost what a linear head costs.
 */
final class QueryProjection {

    private final int in;
    private final int out;
    private final float[] weights; // row-major [out, in]

    QueryProjection(int in, int out, long seed) {
        this.in = in;
        this.out = out;
        this.weights = new float[in * out];
        SplittableRandom rnd = new SplittableRandom(seed);
        float scale = (float) (1 / Math.sqrt(in));
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) ((rnd.nextDouble() * 2 - 1) * scale);
        }
    }

    float[] apply(float[] embedding) {
        if (embedding.length != in) {
            throw new IllegalArgumentException("embedding has " + embedding.length + " values, projection expects " + in);
        }
        float[] v = new float[out];
        double norm = 0;
        for (int o = 0; o < out; o++) {
            float s = 0;
            int row = o * in;
            for (int i = 0; i < in; i++) {
                s += weights[row + i] * embedding[i];
            }
            v[o] = s;
            norm += (double) s * s;
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int o = 0; o < out; o++) {
            v[o] *= inv;
        }
        return v;
    }
}
