package org.momentgraph.eval.features;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.momentgraph.domain.DataFormatException;

/** Opens a keyed feature store, choosing the reader by what the path is. */
public final class FeatureFiles {

    private FeatureFiles() {
    }

    /**
     * <ul>
     *   <li>a folder: {@link NpyDirectoryFeatures} (one {@code <key>.npy} or {@code <key>.npz} per key);</li>
     *   <li>{@code .h5}, {@code .hdf5}, {@code .hdf}: {@link Hdf5Features}, lazy;</li>
     *   <li>{@code .npz}: every array read into memory, keyed by array name;</li>
     *   <li>{@code .npy} with {@code <stem>.index.tsv} beside it, or that index itself: {@link ShardedNpyFeatures}.</li>
     * </ul>
     */
    public static KeyedFeatures open(Path path) {
        if (Files.isDirectory(path)) {
            return NpyDirectoryFeatures.open(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new UncheckedIOException(new NoSuchFileException(path.toString(), null, "no feature file or folder"));
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".hdf")) {
            return Hdf5Features.open(path);
        }
        if (name.endsWith(".npz")) {
            return new InMemoryFeatures(path.toString(), Npz.read(path));
        }
        if (name.endsWith(".index.tsv")) {
            return ShardedNpyFeatures.open(FeatureIndex.npyFor(path), path);
        }
        if (name.endsWith(".npy")) {
            Path index = FeatureIndex.pathFor(path);
            if (!Files.isRegularFile(index)) {
                throw new DataFormatException(path.toString(), "file", null,
                        "one .npy holds no keys; expected the index " + index.getFileName() + " beside it (see NpyStreamWriter)");
            }
            return ShardedNpyFeatures.open(path, index);
        }
        throw new IllegalArgumentException(path + ": unknown feature format; use a folder, .h5/.hdf5, .npz or a corpus .npy");
    }
}
