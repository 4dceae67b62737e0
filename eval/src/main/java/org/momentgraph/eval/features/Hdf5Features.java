package org.momentgraph.eval.features;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;

/**
 * TVR-style HDF5 features: one root dataset per video id (or desc_id), shape [clips, dim], float32 or
 * float64. {@link #open} opens the file once and reads a dataset when asked; {@link #readAll} reads all.
 * {@link #write} writes float32 datasets with jhdf so h5py reads them as {@code f[vid][()]}.
 */
public final class Hdf5Features implements KeyedFeatures {

    private final Path file;
    private final HdfFile hdf;
    private final Set<String> keys;
    private int dim = -1;
    private String dimKey;

    private Hdf5Features(Path file, HdfFile hdf, Set<String> keys) {
        this.file = file;
        this.hdf = hdf;
        this.keys = keys;
    }

    /** Opens the file and lists its root datasets; reads no data. */
    public static Hdf5Features open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(file.toString()));
        }
        HdfFile hdf = null;
        try {
            hdf = new HdfFile(file);
            // the superblock records where the file ends; a copy cut short would read garbage or fail late
            long end = hdf.getUserBlockSize() + hdf.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
            long size = Files.size(file);
            if (size < end) {
                throw new DataFormatException(file.toString(), "byte " + size, "superblock",
                        "file is truncated: its superblock says it ends at byte " + end + " but it has " + size + " bytes");
            }
            Set<String> keys = new LinkedHashSet<>();
            for (Map.Entry<String, Node> child : hdf.getChildren().entrySet()) {
                if (child.getValue() instanceof Dataset) {
                    keys.add(child.getKey());
                }
            }
            return new Hdf5Features(file, hdf, Collections.unmodifiableSet(keys));
        } catch (IOException e) {
            closeQuietly(hdf);
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (DataFormatException e) {
            closeQuietly(hdf);
            throw e;
        } catch (RuntimeException e) { // jhdf reports a bad file with HdfException and buffer errors
            closeQuietly(hdf);
            throw new DataFormatException(file.toString(), "superblock/root group", null, "not a readable HDF5 file: " + e, e);
        }
    }

    /** Reads every dataset into memory, in file order. */
    public static Map<String, float[][]> readAll(Path file) {
        try (Hdf5Features features = open(file)) {
            Map<String, float[][]> all = new LinkedHashMap<>();
            for (String key : features.keys()) {
                all.put(key, features.get(key));
            }
            return all;
        }
    }

    @Override
    public synchronized float[][] get(String key) {
        if (!keys.contains(key)) {
            throw new DataFormatException(file.toString(), key, null, "no dataset '" + key + "' (" + keys.size() + " datasets at the root)");
        }
        float[][] matrix;
        try {
            matrix = toMatrix(key, (Dataset) hdf.getChild(key));
        } catch (DataFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DataFormatException(file.toString(), key, "data", "cannot read dataset: " + e, e);
        }
        int cols = matrix.length == 0 ? -1 : matrix[0].length;
        if (dim < 0 && cols >= 0) {
            dim = cols;
            dimKey = key;
        } else if (cols >= 0 && cols != dim) {
            throw new DataFormatException(file.toString(), key, "shape",
                    "dim " + cols + " differs from dim " + dim + " of dataset '" + dimKey + "'");
        }
        return matrix;
    }

    private float[][] toMatrix(String key, Dataset dataset) {
        int[] shape = dataset.getDimensions();
        if (shape.length < 1 || shape.length > 2) {
            throw new DataFormatException(file.toString(), key, "shape",
                    "shape " + Arrays.toString(shape) + " must be [clips, dim] (or [dim])");
        }
        Class<?> type = dataset.getJavaType();
        if (type != float.class && type != double.class) {
            throw new DataFormatException(file.toString(), key, "dtype", "type " + type.getSimpleName()
                    + " (" + dataset.getDataType().getClass().getSimpleName() + ") is not float32 or float64");
        }
        Object data = dataset.getData();
        if (shape.length == 1) {
            data = type == float.class ? new float[][] {(float[]) data} : new double[][] {(double[]) data};
        }
        if (data instanceof float[][] floats) {
            return floats;
        }
        double[][] doubles = (double[][]) data;
        float[][] floats = new float[doubles.length][];
        for (int r = 0; r < doubles.length; r++) {
            floats[r] = new float[doubles[r].length];
            for (int c = 0; c < doubles[r].length; c++) {
                floats[r][c] = (float) doubles[r][c];
            }
        }
        return floats;
    }

    @Override
    public Set<String> keys() {
        return keys;
    }

    /** Dim of the first dataset in file order (read from its header); 0 when there is none. */
    @Override
    public synchronized int dim() {
        if (dim < 0 && !keys.isEmpty()) {
            String first = keys.iterator().next();
            try {
                int[] shape = ((Dataset) hdf.getChild(first)).getDimensions();
                dim = shape[shape.length - 1];
                dimKey = first;
            } catch (RuntimeException e) {
                throw new DataFormatException(file.toString(), first, "shape", "cannot read dataset header: " + e, e);
            }
        }
        return Math.max(dim, 0);
    }

    @Override
    public String source() {
        return file.toString();
    }

    @Override
    public synchronized void close() {
        hdf.close();
    }

    /**
     * Writes one float32 dataset per key at the root (TVR layout), atomically: jhdf writes a temporary
     * file in the same folder, which is renamed over the target.
     *
     * @throws IllegalArgumentException for a key HDF5 cannot name (empty, or with '/' or '.'), a ragged
     *     matrix or one with no rows (jhdf 0.13.0 writes no empty datasets)
     */
    public static void write(Path target, Map<String, float[][]> byKey) {
        for (Map.Entry<String, float[][]> entry : byKey.entrySet()) {
            checkWritable(entry.getKey(), entry.getValue());
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = AtomicFiles.createTempFile(target);
            try (WritableHdfFile out = HdfFile.write(tmp)) {
                for (Map.Entry<String, float[][]> entry : byKey.entrySet()) {
                    out.putDataset(entry.getKey(), entry.getValue());
                }
            }
            AtomicFiles.move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a hidden *.tmp left behind loses no data
                }
            }
        }
    }

    private static void checkWritable(String key, float[][] matrix) {
        if (key == null || key.isEmpty() || key.contains("/") || key.equals(".")) {
            throw new IllegalArgumentException("'" + key + "' cannot name an HDF5 dataset");
        }
        if (matrix.length == 0) {
            throw new IllegalArgumentException("'" + key + "' has no rows; jhdf 0.13.0 cannot write an empty dataset");
        }
        for (float[] row : matrix) {
            if (row.length != matrix[0].length) {
                throw new IllegalArgumentException("'" + key + "' is ragged: rows of " + matrix[0].length + " and " + row.length);
            }
        }
    }

    private static void closeQuietly(HdfFile hdf) {
        if (hdf != null) {
            try {
                hdf.close();
            } catch (RuntimeException ignored) {
                // already failing with a clearer error
            }
        }
    }
}
