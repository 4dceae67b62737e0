package org.momentgraph.encoders.index;

/**
 * Picks the video retrieval method for a corpus: exact search below a size threshold (cheap and
 * never misses), HNSW at or above it (default 100,000 videos).
 */
public final class VideoSearches {

    public static final int DEFAULT_HNSW_THRESHOLD = 100_000;

    private VideoSearches() {
    }

    /** Exact with 2 threads below {@code hnswThreshold} videos, otherwise an on-disk HNSW graph with default settings. */
    public static VideoSearch forIndex(CorpusIndex index, int hnswThreshold) {
        return index.size() < hnswThreshold ? ExactSearch.of(index) : HnswSearch.builder().build(index);
    }

    public static VideoSearch forIndex(CorpusIndex index) {
        return forIndex(index, DEFAULT_HNSW_THRESHOLD);
    }
}
