package org.momentgraph.eval.features;

import java.util.Set;

/** A keyed store that forwards everything to another; the typed views ({@link ClipFeatures.View}, ...) build on it. */
public interface DelegatingFeatures extends KeyedFeatures {

    /** The store every call goes to. */
    KeyedFeatures store();

    @Override
    default float[][] get(String key) {
        return store().get(key);
    }

    @Override
    default Set<String> keys() {
        return store().keys();
    }

    @Override
    default int dim() {
        return store().dim();
    }

    @Override
    default String source() {
        return store().source();
    }

    @Override
    default boolean contains(String key) {
        return store().contains(key);
    }

    @Override
    default void close() {
        store().close();
    }
}
