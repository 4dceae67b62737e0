package org.momentgraph.encoders.pipeline;

import java.util.Arrays;

/** Small numeric helpers of the pipeline's score formulas. */
public final class Scores {

    private Scores() {
    }

    /** {@code softmax(x / temperature)} in double precision (max-shifted, so any finite input is safe). */
    public static double[] softmax(double[] x, double temperature) {
        double max = Arrays.stream(x).max().orElse(0);
        double[] out = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.exp((x[i] - max) / temperature);
            sum += out[i];
        }
        for (int i = 0; i < x.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    /** Mean of {@code scores[first..last]}, entries past the array counting 0. */
    static double mean(float[] scores, int first, int last) {
        double sum = 0;
        for (int c = first; c <= last; c++) {
            sum += c < scores.length ? scores[c] : 0;
        }
        return sum / (last - first + 1);
    }

    static double max(float[] scores) {
        double best = 0;
        for (float s : scores) {
            best = Math.max(best, s);
        }
        return best;
    }
}
