package org.momentgraph.encoders.index;

import java.util.Arrays;

/**
 * An int8 copy of a corpus's video vectors for a fast approximate pre-scan: each dimension is
 * centred on its mean and divided by its standard deviation (so no dimension wastes the 8-bit range
 * of the others), then each vector is scaled symmetrically to [-127, 127] by its own largest value.
 * The approximate score {@code scale[v] * sum_d code[v][d] * query'[d]} ranks videos like the dot
 * product (up to rounding): the mean's contribution {@code query . mean} is the same for every video.
 *
 * <p>Layout, chosen so that C2 on Java 17 auto-vectorises the scan without the incubating Vector API:
 * videos are cut into blocks of {@code 4 * W}; for each block and dimension one {@code int[W]}
 * "column" packs four videos' codes (biased to unsigned bytes) per int. The scan then runs plain
 * {@code int} loops (shift, mask, multiply, add) over same-typed arrays with no index offsets --
 * the shape the JIT turns into AVX vector code; byte-to-int widening loops are not vectorised on 17.
 * Memory: {@code size * dim} bytes plus one float per video.
 */
final class QuantizedVectors {

    /** Dimensions are consumed four at a time by the kernel; the rest is padded with zero weights. */
    static final int DIMS_PER_STEP = 4;

    private final int dim;
    private final int paddedDim;
    private final int size;
    private final int width;
    private final int blocks;
    private final int[][] columns;
    private final float[] scale;
    private final float[] spread;
    /** Largest |query code|: keeps every true sum within int range, so wrapped partial sums come out exact. */
    private final int queryMax;

    private QuantizedVectors(int dim, int size, int width) {
        this.dim = dim;
        this.paddedDim = (dim + DIMS_PER_STEP - 1) / DIMS_PER_STEP * DIMS_PER_STEP;
        this.size = size;
        this.width = width;
        this.blocks = (size + blockSize() - 1) / blockSize();
        this.columns = new int[blocks * paddedDim][];
        this.scale = new float[size];
        this.spread = new float[dim];
        this.queryMax = (int) Math.min(Short.MAX_VALUE, Integer.MAX_VALUE / (127L * paddedDim));
    }

    /** Quantizes the index's live video vectors; {@code width} ints per column (block of {@code 4 * width} videos). */
    static QuantizedVectors of(CorpusIndex index, int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("column width must be > 0: " + width);
        }
        QuantizedVectors qv = new QuantizedVectors(index.dim(), index.size(), width);
        float[] mean = qv.fitSpread(index);
        qv.quantize(index, mean);
        return qv;
    }

    int size() {
        return size;
    }

    int blocks() {
        return blocks;
    }

    int blockSize() {
        return 4 * width;
    }

    long heapBytes() {
        return (long) blocks * paddedDim * width * Integer.BYTES + (long) size * Float.BYTES + (long) dim * Float.BYTES;
    }

    /** The query as integer weights: {@code round(q[d] * spread[d] * c)}, padded to whole steps with zeros. */
    int[] encodeQuery(float[] query) {
        float[] weighted = new float[dim];
        float max = 0;
        for (int d = 0; d < dim; d++) {
            weighted[d] = query[d] * spread[d];
            max = Math.max(max, Math.abs(weighted[d]));
        }
        int[] code = new int[paddedDim];
        if (max > 0 && Float.isFinite(max)) {
            float c = queryMax / max;
            for (int d = 0; d < dim; d++) {
                code[d] = Math.round(weighted[d] * c);
            }
        }
        return code;
    }

    /** Offers the approximate score of every video in blocks {@code [fromBlock, toBlock)} to {@code top}. */
    void scan(int[] queryCode, int fromBlock, int toBlock, TopK top) {
        scan(queryCode, fromBlock, toBlock, top, accumulators());
    }

    /** Scratch for {@link #scan(int[], int, int, TopK, int[][])}: four {@code int[width]}, reusable by one thread. */
    int[][] accumulators() {
        return new int[4][width];
    }

    /** Scans blocks {@code [fromBlock, toBlock)} into {@code top}, using the given accumulators as scratch. */
    void scan(int[] queryCode, int fromBlock, int toBlock, TopK top, int[][] accumulators) {
        int bias = 0; // stored codes are code + 128; the int sum wraps exactly like the true one
        for (int q : queryCode) {
            bias += 128 * q;
        }
        int[] a0 = accumulators[0];
        int[] a1 = accumulators[1];
        int[] a2 = accumulators[2];
        int[] a3 = accumulators[3];
        for (int b = fromBlock; b < toBlock; b++) {
            Arrays.fill(a0, 0);
            Arrays.fill(a1, 0);
            Arrays.fill(a2, 0);
            Arrays.fill(a3, 0);
            int base = b * paddedDim;
            for (int d = 0; d < paddedDim; d += DIMS_PER_STEP) {
                int[] c0 = columns[base + d];
                int[] c1 = columns[base + d + 1];
                int[] c2 = columns[base + d + 2];
                int[] c3 = columns[base + d + 3];
                int q0 = queryCode[d];
                int q1 = queryCode[d + 1];
                int q2 = queryCode[d + 2];
                int q3 = queryCode[d + 3];
                accumulate(c0, c1, c2, c3, 0, q0, q1, q2, q3, a0, width);
                accumulate(c0, c1, c2, c3, 8, q0, q1, q2, q3, a1, width);
                accumulate(c0, c1, c2, c3, 16, q0, q1, q2, q3, a2, width);
                accumulate(c0, c1, c2, c3, 24, q0, q1, q2, q3, a3, width);
            }
            offerBlock(b, a0, a1, a2, a3, bias, top);
        }
    }

    /**
     * {@code a[j] += sum_i byte_sh(c_i[j]) * q_i}: one store, same-typed loads, no offsets, so C2
     * vectorises it (four dims per pass halves the accumulator traffic; eight defeats the vectoriser).
     */
    private static void accumulate(int[] c0, int[] c1, int[] c2, int[] c3, int shift,
                                   int q0, int q1, int q2, int q3, int[] a, int width) {
        for (int j = 0; j < width; j++) {
            a[j] += (c0[j] >>> shift & 0xFF) * q0 + (c1[j] >>> shift & 0xFF) * q1
                    + (c2[j] >>> shift & 0xFF) * q2 + (c3[j] >>> shift & 0xFF) * q3;
        }
    }

    private void offerBlock(int b, int[] a0, int[] a1, int[] a2, int[] a3, int bias, TopK top) {
        int[][] lanes = {a0, a1, a2, a3};
        for (int lane = 0; lane < 4; lane++) {
            int first = b * blockSize() + lane * width;
            int n = Math.min(width, size - first);
            int[] a = lanes[lane];
            for (int j = 0; j < n; j++) {
                float s = scale[first + j] * (a[j] - bias);
                if (s >= top.threshold()) {
                    top.offer(first + j, s);
                }
            }
        }
    }

    /** Per-dimension mean and standard deviation over all videos; stores the deviations and returns the means. */
    private float[] fitSpread(CorpusIndex index) {
        double[] sum = new double[dim];
        double[] sumSq = new double[dim];
        float[] v = new float[dim];
        for (int ord = 0; ord < size; ord++) {
            index.readVideoVector(ord, v);
            for (int d = 0; d < dim; d++) {
                sum[d] += v[d];
                sumSq[d] += (double) v[d] * v[d];
            }
        }
        float[] mean = new float[dim];
        for (int d = 0; d < dim; d++) {
            double m = size == 0 ? 0 : sum[d] / size;
            double var = size == 0 ? 0 : Math.max(0, sumSq[d] / size - m * m);
            mean[d] = (float) m;
            spread[d] = var > 0 && Double.isFinite(var) ? (float) Math.sqrt(var) : 1f; // a constant dimension ranks nothing
        }
        return mean;
    }

    private void quantize(CorpusIndex index, float[] mean) {
        int[] zero = new int[width];
        for (int b = 0; b < blocks; b++) {
            for (int d = 0; d < paddedDim; d++) {
                columns[b * paddedDim + d] = d < dim ? new int[width] : zero; // padded dims weigh 0
            }
        }
        float[] v = new float[dim];
        for (int ord = 0; ord < size; ord++) {
            index.readVideoVector(ord, v);
            float max = 0;
            for (int d = 0; d < dim; d++) {
                v[d] = (v[d] - mean[d]) / spread[d];
                max = Math.max(max, Math.abs(v[d]));
            }
            scale[ord] = max > 0 && Float.isFinite(max) ? max / 127f : 0f;
            float inv = scale[ord] > 0 ? 127f / max : 0f;
            int block = ord / blockSize();
            int lane = ord % blockSize() / width;
            int j = ord % width;
            for (int d = 0; d < dim; d++) {
                int code = Math.max(-127, Math.min(127, Math.round(v[d] * inv)));
                columns[block * paddedDim + d][j] |= (code + 128) << (8 * lane);
            }
        }
    }

}
