package org.momentgraph.eval.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.momentgraph.domain.DataFormatException;

/**
 * A folder with one file per key: {@code <key>.npy}, or {@code <key>.npz} holding one array or an array
 * named {@code features} (UniVTG's layout). Files are listed at open and read on demand; the dim is
 * that of the first key in sorted order, and every read checks its file against it.
 */
public final class NpyDirectoryFeatures implements KeyedFeatures {

    /** UniVTG stores each video's clip features under this name. */
    public static final String NPZ_ARRAY = "features";

    private final Path dir;
    private final Map<String, Path> files;
    private volatile int dim = -1;

    private NpyDirectoryFeatures(Path dir, Map<String, Path> files) {
        this.dir = dir;
        this.files = Collections.unmodifiableMap(files);
    }

    public static NpyDirectoryFeatures open(Path dir) {
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(Files::isRegularFile).sorted().forEach(file -> {
                String name = file.getFileName().toString();
                if (name.endsWith(".npy") || name.endsWith(".npz")) {
                    String key = name.substring(0, name.length() - 4);
                    Path other = files.put(key, file);
                    if (other != null) {
                        throw new DataFormatException(dir.toString(), key, null,
                                "both " + other.getFileName() + " and " + name + " hold '" + key + "'");
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return new NpyDirectoryFeatures(dir, files);
    }

    @Override
    public float[][] get(String key) {
        Path file = files.get(key);
        if (file == null) {
            throw new DataFormatException(dir.toString(), key, null, "no " + key + ".npy or " + key + ".npz in the folder");
        }
        NpyArray array = read(key, file);
        int expected = dim();
        if (array.cols() != expected) {
            throw new DataFormatException(file.toString(), key, "shape", "dim " + array.cols() + " differs from the folder's dim "
                    + expected + " (of " + files.values().iterator().next().getFileName() + ")");
        }
        return array.toMatrix();
    }

    private static NpyArray read(String key, Path file) {
        if (file.getFileName().toString().endsWith(".npy")) {
            return Npy.readArray(file);
        }
        Map<String, NpyArray> arrays = Npz.readArrays(file);
        NpyArray array = arrays.size() == 1 ? arrays.values().iterator().next() : arrays.get(NPZ_ARRAY);
        if (array == null) {
            throw new DataFormatException(file.toString(), key, NPZ_ARRAY,
                    "npz holds " + arrays.keySet() + "; expected one array or one named '" + NPZ_ARRAY + "'");
        }
        return array;
    }

    @Override
    public Set<String> keys() {
        return files.keySet();
    }

    @Override
    public int dim() {
        int known = dim;
        if (known < 0) {
            if (files.isEmpty()) {
                known = 0;
            } else {
                Map.Entry<String, Path> first = files.entrySet().iterator().next();
                Path file = first.getValue();
                known = file.getFileName().toString().endsWith(".npy")
                        ? (int) Npy.readHeader(file).cols() : read(first.getKey(), file).cols();
            }
            dim = known;
        }
        return known;
    }

    @Override
    public String source() {
        return dir.toString();
    }
}
