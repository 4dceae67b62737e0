package org.momentgraph.eval.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip of {@code NAME.npy} entries, stored
 * ({@code np.savez}) or deflated ({@code np.savez_compressed}), zip64 extras included. Arrays are keyed
 * by NAME, in archive order.
 */
public final class Npz {

    private Npz() {
    }

    /** Every array as [rows][cols], keyed by name without ".npy". */
    public static Map<String, float[][]> read(Path file) {
        Map<String, float[][]> matrices = new LinkedHashMap<>();
        readArrays(file).forEach((name, array) -> matrices.put(name, array.toMatrix()));
        return matrices;
    }

    /** Every array with its shape, keyed by name without ".npy". */
    public static Map<String, NpyArray> readArrays(Path file) {
        String name = file.toString();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String where = "entry " + entry.getName() + " ";
                if (!entry.getName().endsWith(".npy")) {
                    throw new DataFormatException(name, where.strip(), null, "npz entries must be NAME.npy");
                }
                if (entry.getSize() > Integer.MAX_VALUE - 8) {
                    throw new DataFormatException(name, where.strip(), "data", entry.getSize() + " bytes is too large for one array");
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                } catch (ZipException | java.io.EOFException e) {
                    throw new DataFormatException(name, where.strip(), "data", "corrupt zip entry: " + e.getMessage(), e);
                }
                String key = entry.getName().substring(0, entry.getName().length() - 4);
                if (arrays.put(key, Npy.parse(ByteBuffer.wrap(bytes), name, where)) != null) {
                    throw new DataFormatException(name, where.strip(), null, "array '" + key + "' appears twice");
                }
            }
        } catch (ZipException e) {
            throw new DataFormatException(name, "zip directory", null, "not a readable zip/npz file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return arrays;
    }

    /** Writes matrices as float32 arrays, stored uncompressed like {@code np.savez} (atomically). */
    public static void write(Path file, Map<String, float[][]> matrices) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        matrices.forEach((key, matrix) -> arrays.put(key, NpyArray.of(matrix)));
        writeArrays(file, arrays, false);
    }

    /** Writes float32 arrays, deflated like {@code np.savez_compressed} when {@code compressed} (atomically). */
    public static void writeArrays(Path file, Map<String, NpyArray> arrays, boolean compressed) {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NpyArray> array : arrays.entrySet()) {
                if (array.getKey().isEmpty()) {
                    throw new IllegalArgumentException("array name must not be empty");
                }
                byte[] bytes = Npy.toBytes(array.getValue());
                ZipEntry entry = new ZipEntry(array.getKey() + ".npy");
                if (compressed) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(bytes.length);
                    entry.setCompressedSize(bytes.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
