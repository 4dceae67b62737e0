package org.momentgraph.encoders.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class StreamScoresTest {

    @Test
    void queryProductsAreEachStreamsCosineSplitByDimension() {
        int b = 3;
        int s = 2;
        int l = 5;
        int h = 8;
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(11);
            NDArray queries = m.randomNormal(new Shape(b, s, h));
            NDArray clips = m.randomNormal(new Shape(b, s, l, h));
            NDArray products = StreamScores.pairedClipProducts(queries, clips);
            assertThat(products.getShape()).isEqualTo(new Shape(b, l, (long) s * h));
            for (int stream = 0; stream < s; stream++) {
                // one stream at a time: weight 1 on it, 0 on the other
                float[] w = new float[b * s];
                for (int i = 0; i < b; i++) {
                    w[i * s + stream] = 1f;
                }
                float[] cosine = StreamScores.pairedClipScores(queries, clips, m.create(w, new Shape(b, s)))
                        .toFloatArray();
                float[] summed = products.get(":, :, " + stream * h + ":" + (stream + 1) * h).sum(new int[] {2})
                        .div(h).toFloatArray();
                assertThat(summed).containsExactly(cosine, within(1e-5f));
            }
            // terms of a random pair have about unit variance, as the scaling intends
            double variance = products.pow(2).mean().getFloat();
            assertThat(variance).isBetween(0.2, 5.0);
        }
    }
}
