package org.momentgraph.eval.metrics;

/**
 * NumPy's summation of a contiguous float64 array ({@code np.sum}, {@code np.mean}): pairwise, with an
 * 8-way unrolled block below 128 elements. Reproducing its order keeps averages bit-identical to the
 * official evaluators, which matters when a value sits on a rounding edge.
 */
public final class PairwiseSum {

    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    public static double sum(double[] a) {
        return a.length == 0 ? 0.0 : sum(a, 0, a.length);
    }

    public static double mean(double[] a) {
        return sum(a) / a.length;
    }

    private static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double res = -0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, from, n2) + sum(a, from + n2, n - n2);
    }
}
