package org.momentgraph.eval.features;

import java.nio.file.Path;
import java.util.Set;

/**
 * Feature matrices keyed by id: [clips, dim] per video, or [tokens, dim] per query. Every matrix of
 * one store has the same dim. Matrices returned by {@link #get} are the caller's to keep but may be
 * shared by in-memory stores, so do not modify them.
 */
public interface KeyedFeatures extends AutoCloseable {

    /**
     * The matrix stored under {@code key}.
     *
     * @throws org.momentgraph.domain.DataFormatException when the key is missing, the stored array is
     *     unreadable or its dim differs from the store's
     */
    float[][] get(String key);

    /** Every key, in file order where the file has one. */
    Set<String> keys();

    /** Columns of every matrix; 0 for an empty store. */
    int dim();

    /** The file or folder the features come from, for messages. */
    String source();

    default boolean contains(String key) {
        return keys().contains(key);
    }

    /** Releases the file handle of lazy stores; no-op for in-memory ones. */
    @Override
    default void close() {
    }

    /** Opens a store, choosing the format by path: see {@link FeatureFiles#open(Path)}. */
    static KeyedFeatures open(Path path) {
        return FeatureFiles.open(path);
    }
}
