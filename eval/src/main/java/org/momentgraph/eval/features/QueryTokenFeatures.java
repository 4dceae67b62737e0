package org.momentgraph.eval.features;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Per-token query features: one [tokens, dim] matrix per desc_id, as in TVR's query feature HDF5
 * (dataset name = str(desc_id)) or an npz with one array per desc_id.
 */
public interface QueryTokenFeatures extends KeyedFeatures {

    /** The [tokens, dim] features of a query. */
    default float[][] tokens(String descId) {
        return get(descId);
    }

    default float[][] tokens(long descId) {
        return get(Long.toString(descId));
    }

    default Set<String> descIds() {
        return keys();
    }

    /** Opens query features from an .h5/.hdf5, an .npz or a folder of {@code <desc_id>.npy}. */
    static QueryTokenFeatures open(Path path) {
        return of(FeatureFiles.open(path));
    }

    static QueryTokenFeatures inMemory(Map<String, float[][]> byDescId) {
        return of(new InMemoryFeatures("memory", byDescId));
    }

    static QueryTokenFeatures of(KeyedFeatures store) {
        return store instanceof QueryTokenFeatures tokens ? tokens : new View(store);
    }

    /** Adapts a keyed store; delegates everything. */
    record View(KeyedFeatures store) implements QueryTokenFeatures, DelegatingFeatures {
    }
}
