package org.momentgraph.eval.features;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Per-clip video features: one [clips, dim] matrix per video id (TVR / UniVTG layout). */
public interface ClipFeatures extends KeyedFeatures {

    /** The [clips, dim] features of a video. */
    default float[][] clips(String videoId) {
        return get(videoId);
    }

    default Set<String> videoIds() {
        return keys();
    }

    /**
     * Opens video features: a {@code .h5}/{@code .hdf5} file with one dataset per video, an {@code .npz}
     * with one array per video, a folder of {@code <video>.npy}/{@code <video>.npz}, or a corpus
     * {@code .npy} written by {@link NpyStreamWriter} (with its index beside it).
     */
    static ClipFeatures open(Path path) {
        return of(FeatureFiles.open(path));
    }

    static ClipFeatures inMemory(Map<String, float[][]> byVideo) {
        return of(new InMemoryFeatures("memory", byVideo));
    }

    /** Views any keyed store as video features. */
    static ClipFeatures of(KeyedFeatures store) {
        return store instanceof ClipFeatures clips ? clips : new View(store);
    }

    /** Adapts a keyed store; delegates everything. */
    record View(KeyedFeatures store) implements ClipFeatures, DelegatingFeatures {
    }
}
