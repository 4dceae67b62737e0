package org.momentgraph.eval.bench;

import java.util.Arrays;

/** Recorded durations in nanoseconds and their nearest-rank percentiles in milliseconds. */
final class Latencies {

    private long[] nanos = new long[64];
    private int size;

    void add(long ns) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = ns;
    }

    /** Nearest-rank percentile {@code p} in [0, 100], in milliseconds; NaN when empty. */
    double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
