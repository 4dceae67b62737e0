package org.momentgraph.graph.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Solves a rectangular assignment problem: rows (tracks) to columns (detections), each used at most
 * once, minimising total cost. Entries that are infinite or NaN are forbidden pairs and never returned.
 */
public final class Assignment {

    private Assignment() {
    }

    /** {@code result[r]} is the column assigned to row r, or -1. */
    public static int[] solve(double[][] cost, AssignmentMethod method) {
        return method == AssignmentMethod.GREEDY ? greedy(cost) : hungarian(cost);
    }

    /** Cheapest allowed pair first, until no allowed pair is left. */
    public static int[] greedy(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        List<long[]> pairs = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (allowed(cost[r][c])) {
                    pairs.add(new long[] {r, c});
                }
            }
        }
        pairs.sort((p, q) -> Double.compare(cost[(int) p[0]][(int) p[1]], cost[(int) q[0]][(int) q[1]]));
        int[] rowTo = new int[rows];
        Arrays.fill(rowTo, -1);
        boolean[] colUsed = new boolean[cols];
        for (long[] p : pairs) {
            int r = (int) p[0];
            int c = (int) p[1];
            if (rowTo[r] < 0 && !colUsed[c]) {
                rowTo[r] = c;
                colUsed[c] = true;
            }
        }
        return rowTo;
    }

    /**
     * Kuhn-Munkres with potentials, O(n^2 m). Forbidden pairs get a cost larger than any sum of
     * allowed ones, so the optimum uses as many allowed pairs as possible at minimum cost among
     * those, and forbidden pairs are dropped from the answer.
     */
    public static int[] hungarian(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        int[] rowTo = new int[rows];
        Arrays.fill(rowTo, -1);
        if (rows == 0 || cols == 0) {
            return rowTo;
        }
        double maxAllowed = 0;
        for (double[] row : cost) {
            for (double v : row) {
                if (allowed(v)) {
                    maxAllowed = Math.max(maxAllowed, Math.abs(v));
                }
            }
        }
        double forbidden = (maxAllowed + 1) * (Math.min(rows, cols) + 1);
        boolean transpose = rows > cols;
        int n = transpose ? cols : rows;
        int m = transpose ? rows : cols;
        double[][] a = new double[n + 1][m + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double v = transpose ? cost[j][i] : cost[i][j];
                a[i + 1][j + 1] = allowed(v) ? v : forbidden;
            }
        }
        int[] p = hungarianSquareish(a, n, m);
        for (int j = 1; j <= m; j++) {
            if (p[j] != 0) {
                int r = transpose ? j - 1 : p[j] - 1;
                int c = transpose ? p[j] - 1 : j - 1;
                if (allowed(cost[r][c])) {
                    rowTo[r] = c;
                }
            }
        }
        return rowTo;
    }

    /** The classic e-maxx formulation for n <= m, 1-based; returns p[j] = row matched to column j. */
    private static int[] hungarianSquareish(double[][] a, int n, int m) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] p = new int[m + 1];
        int[] way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double cur = a[i0][j] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        return p;
    }

    private static boolean allowed(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }
}
