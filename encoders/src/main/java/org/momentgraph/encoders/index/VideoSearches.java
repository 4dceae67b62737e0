package org.momentgraph.encoders.index;

/**
 * Picks the video retrieval method for a corpus: exact search below a size threshold (default
 * 20,000 videos: cheap and never misses), int8 pre-scan + exact re-scoring at or above it (same
 * scores, recall@100 ~1.0, a quarter of the memory traffic). HNSW is used only when asked for: its
 * recall on 256-d vectors falls far below 1 at 100,000 videos (see {@link HnswSearch}).
 */
public final class VideoSearches {

    public static final int DEFAULT_QUANTIZED_THRESHOLD = 20_000;

    /** The retrieval methods {@link #of} can open. */
    public enum Method { EXACT, QUANTIZED, HNSW }

    private VideoSearches() {
    }

    /** Exact with 2 threads below {@code quantizedThreshold} videos, otherwise {@link QuantizedSearch} with 2 threads. */
    public static VideoSearch forIndex(CorpusIndex index, int quantizedThreshold) {
        return of(index, index.size() < quantizedThreshold ? Method.EXACT : Method.QUANTIZED);
    }

    public static VideoSearch forIndex(CorpusIndex index) {
        return forIndex(index, DEFAULT_QUANTIZED_THRESHOLD);
    }

    /** The given method with default settings (HNSW: the on-disk graph in {@code <corpus>/hnsw}). */
    public static VideoSearch of(CorpusIndex index, Method method) {
        return switch (method) {
            case EXACT -> ExactSearch.of(index);
            case QUANTIZED -> QuantizedSearch.of(index);
            case HNSW -> HnswSearch.builder().build(index);
        };
    }
}
