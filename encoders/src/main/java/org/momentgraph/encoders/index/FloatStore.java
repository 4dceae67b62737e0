package org.momentgraph.encoders.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.momentgraph.domain.DataFormatException;

/**
 * A read-only, memory-mapped matrix of little-endian float32 rows of fixed width (a raw
 * {@code [rows, width]} file). The file is mapped in chunks of whole rows below 1 GiB, so files of
 * any size work and no row straddles two mappings; nothing is copied onto the heap.
 */
final class FloatStore {

    static final long MAX_CHUNK_BYTES = 1L << 30;

    private final Path file;
    private final int width;
    private final long rows;
    private final int rowsPerChunk;
    private final FloatBuffer[] chunks;

    private FloatStore(Path file, int width, long rows, int rowsPerChunk, FloatBuffer[] chunks) {
        this.file = file;
        this.width = width;
        this.rows = rows;
        this.rowsPerChunk = rowsPerChunk;
        this.chunks = chunks;
    }

    /** Maps {@code file}; its size must be exactly {@code rows * width * 4} bytes. */
    static FloatStore map(Path file, int width, long rows) {
        long expected = rows * width * Float.BYTES;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size != expected) {
                throw new DataFormatException(file.toString(), "size", null,
                        "expected " + rows + " rows x " + width + " float32 = " + expected + " bytes, found " + size);
            }
            int rowsPerChunk = (int) Math.max(1, MAX_CHUNK_BYTES / ((long) width * Float.BYTES));
            int n = (int) ((rows + rowsPerChunk - 1) / rowsPerChunk);
            FloatBuffer[] chunks = new FloatBuffer[n];
            for (int c = 0; c < n; c++) {
                long first = (long) c * rowsPerChunk;
                long count = Math.min(rowsPerChunk, rows - first);
                chunks[c] = ch.map(FileChannel.MapMode.READ_ONLY, first * width * Float.BYTES, count * width * Float.BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            }
            return new FloatStore(file, width, rows, rowsPerChunk, chunks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot map " + file + ": " + e.getMessage(), e);
        }
    }

    int width() {
        return width;
    }

    long rows() {
        return rows;
    }

    long bytes() {
        return rows * width * Float.BYTES;
    }

    Path file() {
        return file;
    }

    /** Copies row {@code row} into {@code dst[off .. off + width)}. */
    void read(long row, float[] dst, int off) {
        FloatBuffer chunk = chunk(row);
        chunk.get(offsetInChunk(row), dst, off, width);
    }

    /**
     * Dot product of row {@code row} with {@code q}; summed in the same order as
     * {@link ExactSearch#dot}, so every search method reports bit-identical scores.
     */
    float dot(long row, float[] q) {
        FloatBuffer m = chunk(row);
        int base = offsetInChunk(row);
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < width; i += 8) {
            s0 += m.get(base + i) * q[i];
            s1 += m.get(base + i + 1) * q[i + 1];
            s2 += m.get(base + i + 2) * q[i + 2];
            s3 += m.get(base + i + 3) * q[i + 3];
            s4 += m.get(base + i + 4) * q[i + 4];
            s5 += m.get(base + i + 5) * q[i + 5];
            s6 += m.get(base + i + 6) * q[i + 6];
            s7 += m.get(base + i + 7) * q[i + 7];
        }
        for (; i < width; i++) {
            s0 += m.get(base + i) * q[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private FloatBuffer chunk(long row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows + " in " + file);
        }
        return chunks[(int) (row / rowsPerChunk)];
    }

    private int offsetInChunk(long row) {
        return (int) (row % rowsPerChunk) * width;
    }
}
