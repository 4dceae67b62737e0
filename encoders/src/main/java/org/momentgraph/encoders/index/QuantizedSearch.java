package org.momentgraph.encoders.index;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Video retrieval for large corpora in two stages: an int8 pre-scan over every video
 * ({@link QuantizedVectors}, a quarter of the float matrix's memory traffic, vectorised integer
 * arithmetic) keeps the best {@code R} candidates, which are then re-scored with the exact float dot
 * product read from the {@link CorpusIndex}. Returned scores are therefore bit-identical to
 * {@link ExactSearch}'s, ties rank the smaller ordinal first, and a hit can only be missed when int8
 * rounding pushes a true top-k video below rank R (recall@100 = 1.0 on random and clustered 256-d
 * vectors with the defaults; see {@code QuantizedSearchTest} and {@code SearchBenchmark}).
 *
 * <pre>{@code
 * try (QuantizedSearch search = QuantizedSearch.builder().optThreads(2).build(index)) {
 *     List<SearchHit> top = search.search(queryVector, 100);
 * }
 * }</pre>
 *
 * <p>The int8 copy is built when the search is opened (one pass over the mapped vectors, no files);
 * open a new search on a new {@link CorpusIndex} snapshot to see added or removed videos.
 * Thread safety: {@link #search} may be called from any number of threads.
 */
public final class QuantizedSearch implements VideoSearch {

    /** Below this many videos one thread is faster than handing half the scan to the pool. */
    static final int PARALLEL_MIN_VIDEOS = 8192;

    private final CorpusIndex index;
    private final QuantizedVectors vectors;
    private final List<String> ids;
    private final int oversample;
    private final int minCandidates;
    private final int threads;
    private final ExecutorService pool;

    private QuantizedSearch(CorpusIndex index, Builder b) {
        this.index = index;
        this.vectors = QuantizedVectors.of(index, b.columnWidth > 0 ? b.columnWidth : autoColumnWidth(index.size(), b.threads));
        this.ids = index.ids();
        this.oversample = b.oversample;
        this.minCandidates = b.minCandidates;
        this.threads = Math.max(1, Math.min(b.threads, vectors.blocks()));
        // the calling thread scans blocks itself; the pool's threads take blocks alongside it
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "quantized-search");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** 1024 (four 4 KiB accumulators, L1-resident) unless that leaves fewer than four blocks per thread. */
    static int autoColumnWidth(int size, int threads) {
        int perThread = size / (16 * Math.max(1, threads));
        return Math.max(64, Math.min(1024, perThread / 16 * 16));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Default settings: two threads, R = max(5 k, 200). */
    public static QuantizedSearch of(CorpusIndex index) {
        return builder().build(index);
    }

    /** Heap bytes held by the int8 copy and its scales. */
    public long heapBytes() {
        return vectors.heapBytes();
    }

    /** R: how many pre-scan candidates are re-scored exactly for a top-{@code k} search. */
    public int candidates(int k) {
        long r = Math.max((long) k * oversample, minCandidates);
        return (int) Math.min(Math.max(r, k), index.size());
    }

    @Override
    public List<SearchHit> search(float[] query, int k) {
        if (query.length != index.dim()) {
            throw new IllegalArgumentException("query has dimension " + query.length + ", index has " + index.dim());
        }
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0: " + k);
        }
        if (index.size() == 0) {
            return List.of();
        }
        int[] candidates = preScan(query, candidates(k));
        TopK best = new TopK(Math.min(k, index.size()));
        float[] row = new float[index.dim()];
        for (int ord : candidates) {
            // a bulk copy out of the mapped file, then the very loop ExactSearch uses: identical
            // floats, and several times faster than element-wise reads of the mapped buffer
            index.readVideoVector(ord, row);
            best.offer(ord, ExactSearch.dot(row, 0, query, row.length));
        }
        return best.drainHits(ids::get);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Ordinals of the {@code r} best videos by approximate score, ascending. */
    private int[] preScan(float[] query, int r) {
        int[] code = vectors.encodeQuery(query);
        int blocks = vectors.blocks();
        TopK top = new TopK(r);
        if (pool == null || index.size() < PARALLEL_MIN_VIDEOS) {
            vectors.scan(code, 0, blocks, top);
        } else {
            sharedScan(code, r, top);
        }
        int[] ords = top.drainBestFirst(new float[top.size()]);
        Arrays.sort(ords); // storage order: re-scoring then reads the mapped file forwards (~30% faster)
        return ords;
    }

    /**
     * The pre-scan on {@code threads} threads that hand out blocks one at a time: the calling thread
     * takes blocks too, so when a pool thread starts late or is descheduled (a busy machine), the
     * caller scans what is left instead of waiting for a fixed half -- it waits only for blocks
     * already taken.
     */
    private void sharedScan(int[] code, int r, TopK top) {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(vectors.blocks());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        TopK[] parts = new TopK[threads - 1];
        for (int t = 0; t < parts.length; t++) {
            TopK part = new TopK(r);
            parts[t] = part;
            pool.execute(() -> takeBlocks(code, next, done, part, failure));
        }
        takeBlocks(code, next, done, top, failure);
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("search failed: " + failure.get(), failure.get());
        }
        for (TopK part : parts) {
            top.addAll(part); // safe: every block's countDown happened after its scan wrote the part
        }
    }

    private void takeBlocks(int[] code, AtomicInteger next, CountDownLatch done, TopK into, AtomicReference<Throwable> failure) {
        int blocks = vectors.blocks();
        if (next.get() >= blocks) {
            return; // started after the others had taken every block
        }
        int[][] accumulators = vectors.accumulators();
        for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
            try {
                vectors.scan(code, b, b + 1, into, accumulators);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            } finally {
                done.countDown();
            }
        }
    }

    /** Options; every one has a default. */
    public static final class Builder {
        private int threads = 2;
        private int oversample = 5;
        private int minCandidates = 200;
        private int columnWidth;

        private Builder() {
        }

        /** Threads scanning the int8 copy (2, the deployment target). */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * R = max(oversample * k, minCandidates) candidates are re-scored exactly (defaults 5 and 200:
         * R = 400 already gave recall@100 = 1.0 on 100,000 random 256-d vectors; each candidate costs ~0.7 us).
         */
        public Builder optCandidates(int oversample, int minCandidates) {
            this.oversample = oversample;
            this.minCandidates = minCandidates;
            return this;
        }

        /**
         * Ints per packed column, a quarter of the videos per scan block; by default 1024 (the four
         * 4 KiB accumulators stay in L1), less for small corpora so the threads get even shares.
         */
        public Builder optColumnWidth(int columnWidth) {
            this.columnWidth = columnWidth;
            return this;
        }

        /** Quantizes the index's video vectors (one pass over the mapped files) and starts the pool. */
        public QuantizedSearch build(CorpusIndex index) {
            if (threads <= 0 || oversample <= 0 || minCandidates <= 0 || columnWidth < 0) {
                throw new IllegalArgumentException("threads, oversample and minCandidates must be > 0, columnWidth >= 0");
            }
            return new QuantizedSearch(index, this);
        }
    }
}
