package org.momentgraph.encoders.data;

import java.util.function.Function;

/**
 * The label block shared by the clip streams built from detections ({@link GraphStreamBuilder},
 * {@link DetectionObjectStream}): a weighted sum of label embeddings, written into a clip row scaled
 * to unit length (all zeros when nothing was added or the sum is zero). Sums in double, in the order
 * labels are added, so a stream's rows do not depend on who pools them. One instance per clip row.
 */
final class PooledLabels {

    private final Function<String, float[]> embedder;
    private final double[] sum;

    PooledLabels(Function<String, float[]> embedder, int dim) {
        this.embedder = embedder;
        this.sum = new double[dim];
    }

    /** Adds {@code weight} times the label's embedding. */
    PooledLabels add(String label, double weight) {
        float[] v = embedder.apply(label);
        if (v.length != sum.length) {
            throw new IllegalStateException("label '" + label + "' embeds to " + v.length + " values, others to "
                    + sum.length);
        }
        for (int k = 0; k < sum.length; k++) {
            sum[k] += weight * v[k];
        }
        return this;
    }

    /** Writes the unit-length sum into {@code row[0, dim)}. */
    void writeUnit(float[] row) {
        double norm = 0;
        for (double x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < sum.length; k++) {
            row[k] = norm > 0 ? (float) (sum[k] / norm) : 0f;
        }
    }
}
