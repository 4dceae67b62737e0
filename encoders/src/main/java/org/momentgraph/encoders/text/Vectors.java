package org.momentgraph.encoders.text;

/** Small dense-vector helpers shared by the text encoder's pooling code and its callers. */
public final class Vectors {

    private Vectors() {
    }

    /** Cosine similarity; 0 when either vector is all zeros. */
    public static double cosine(float[] a, float[] b) {
        checkSameLength(a, b);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** Euclidean length. */
    public static double norm(float[] a) {
        double s = 0;
        for (float v : a) {
            s += (double) v * v;
        }
        return Math.sqrt(s);
    }

    /** Scales {@code a} in place to unit length (left as is when it is all zeros) and returns it. */
    public static float[] normalizeInPlace(float[] a) {
        double n = norm(a);
        if (n > 0) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (a[i] / n);
            }
        }
        return a;
    }

    /** Mean of the given rows of {@code rows}; accumulated in double so the order of rows does not matter. */
    public static float[] meanOfRows(float[][] rows, int[] which) {
        if (which.length == 0) {
            throw new IllegalArgumentException("mean of no rows");
        }
        int dim = rows[which[0]].length;
        double[] sum = new double[dim];
        for (int r : which) {
            float[] row = rows[r];
            for (int i = 0; i < dim; i++) {
                sum[i] += row[i];
            }
        }
        float[] mean = new float[dim];
        for (int i = 0; i < dim; i++) {
            mean[i] = (float) (sum[i] / which.length);
        }
        return mean;
    }

    /**
     * Mean of the first {@code rows} rows of a flat row-major {@code [rows, dim]} array; the same
     * arithmetic as {@link #meanOfRows(float[][], int[])} (double accumulation, rows in order).
     */
    public static float[] meanOfRows(float[] flat, int rows, int dim) {
        if (rows <= 0 || flat.length < rows * dim) {
            throw new IllegalArgumentException("need 1.." + flat.length / Math.max(1, dim) + " rows, got " + rows);
        }
        double[] sum = new double[dim];
        for (int r = 0; r < rows; r++) {
            int at = r * dim;
            for (int i = 0; i < dim; i++) {
                sum[i] += flat[at + i];
            }
        }
        float[] mean = new float[dim];
        for (int i = 0; i < dim; i++) {
            mean[i] = (float) (sum[i] / rows);
        }
        return mean;
    }

    private static void checkSameLength(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vector lengths differ: " + a.length + " vs " + b.length);
        }
    }
}
