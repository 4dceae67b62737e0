package org.momentgraph.encoders.index;

import java.util.List;

/** Video retrieval over a {@link CorpusIndex}: the k videos whose video vectors best match a query. */
public interface VideoSearch extends AutoCloseable {

    /** The top {@code k} videos by dot product with {@code query}, best first (fewer if the corpus is smaller). */
    List<SearchHit> search(float[] query, int k);

    @Override
    default void close() {
    }
}
