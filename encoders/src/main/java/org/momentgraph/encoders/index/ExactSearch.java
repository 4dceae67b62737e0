package org.momentgraph.encoders.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Exact video retrieval: the dot product of the query with every video vector, held in one flat
 * {@code float[]} on the heap ({@code size * dim} floats), split over a small fixed thread pool,
 * with a bounded heap per thread for the top k. Exact and fast below ~100,000 videos.
 *
 * <p>Thread safety: {@link #search} may be called from any number of threads.
 */
public final class ExactSearch implements VideoSearch {

    /** Below this many videos one thread is faster than handing work to the pool. */
    static final int PARALLEL_MIN_VIDEOS = 8192;

    private final float[] matrix;
    private final int dim;
    private final int size;
    private final List<String> ids;
    private final ExecutorService pool;
    private final int threads;

    private ExactSearch(float[] matrix, int dim, List<String> ids, int threads) {
        this.matrix = matrix;
        this.dim = dim;
        this.size = ids.size();
        this.ids = ids;
        this.threads = Math.max(1, threads);
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "exact-search");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Copies the index's video vectors onto the heap and searches them with {@code threads} threads. */
    public static ExactSearch of(CorpusIndex index, int threads) {
        return new ExactSearch(index.videoMatrix(), index.dim(), index.ids(), threads);
    }

    /** Two threads, the deployment target. */
    public static ExactSearch of(CorpusIndex index) {
        return of(index, 2);
    }

    /** Heap bytes held by the vector matrix. */
    public long heapBytes() {
        return (long) matrix.length * Float.BYTES;
    }

    @Override
    public List<SearchHit> search(float[] query, int k) {
        if (query.length != dim) {
            throw new IllegalArgumentException("query has dimension " + query.length + ", index has " + dim);
        }
        if (size == 0) {
            return List.of();
        }
        TopK top = new TopK(Math.min(k, size));
        if (pool == null || size < PARALLEL_MIN_VIDEOS) {
            scan(query, 0, size, top);
        } else {
            List<Future<TopK>> parts = new ArrayList<>();
            int chunk = (size + threads - 1) / threads;
            for (int from = 0; from < size; from += chunk) {
                int lo = from;
                int hi = Math.min(size, from + chunk);
                parts.add(pool.submit(() -> scan(query, lo, hi, new TopK(Math.min(k, size)))));
            }
            for (Future<TopK> f : parts) {
                top.addAll(join(f));
            }
        }
        return top.drainHits(ids::get);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private TopK scan(float[] q, int from, int to, TopK top) {
        for (int v = from; v < to; v++) {
            float s = dot(matrix, v * dim, q, dim);
            if (s >= top.threshold()) { // cheap reject before the heap
                top.offer(v, s);
            }
        }
        return top;
    }

    /** Dot product with eight independent accumulators so the CPU can overlap the multiply-adds. */
    static float dot(float[] m, int base, float[] q, int dim) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < dim; i += 8) {
            s0 += m[base + i] * q[i];
            s1 += m[base + i + 1] * q[i + 1];
            s2 += m[base + i + 2] * q[i + 2];
            s3 += m[base + i + 3] * q[i + 3];
            s4 += m[base + i + 4] * q[i + 4];
            s5 += m[base + i + 5] * q[i + 5];
            s6 += m[base + i + 6] * q[i + 6];
            s7 += m[base + i + 7] * q[i + 7];
        }
        for (; i < dim; i++) {
            s0 += m[base + i] * q[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static TopK join(Future<TopK> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("search failed: " + e.getCause(), e.getCause());
        }
    }
}
