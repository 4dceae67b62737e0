package org.momentgraph.eval.features;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;

/**
 * Reads and writes NumPy {@code .npy} files without a NumPy library. Reads format 1.0/2.0/3.0,
 * dtypes f2/f4/f8, i1..i8, u1..u8 in either byte order, C or Fortran order, 1-D (one row) or 2-D
 * shapes. Writes little-endian float32, format 1.0, C order -- what {@code np.load} reads everywhere.
 */
public final class Npy {

    private Npy() {
    }

    /** Reads a 1-D or 2-D array as [rows][cols]. */
    public static float[][] read(Path file) {
        return readArray(file).toMatrix();
    }

    /** Reads the values in C order plus the shape. */
    public static NpyArray readArray(Path file) {
        try {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(file.toString(), "byte 0", "data",
                        size + " bytes is too large to read into one array; use ShardedNpyFeatures (memory-mapped)");
            }
            return parse(ByteBuffer.wrap(Files.readAllBytes(file)), file.toString(), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads only the header, e.g. to learn a file's shape without its data. */
    public static NpyHeader readHeader(Path file) {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 16));
            while (head.hasRemaining() && channel.read(head) >= 0) {
                // fill: the header is at most 64 KiB in format 1.0 and in practice in 2.0/3.0
            }
            head.flip();
            return NpyHeader.parse(head, file.toString(), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a whole npy file held in {@code in} (from its position to its limit).
     *
     * @param where prefix of error locations, such as "entry features.npy "
     */
    static NpyArray parse(ByteBuffer in, String file, String where) {
        NpyHeader header = NpyHeader.parse(in, file, where);
        long available = in.remaining() - (long) header.dataOffset();
        long needed = header.dataBytes();
        if (available != needed) {
            throw new DataFormatException(file, where + "byte " + header.dataOffset(), "data",
                    "header says shape " + Arrays.toString(header.shape()) + " of " + header.dtype().descr() + " = " + needed
                            + " bytes, but " + available + " bytes follow the header"
                            + (available < needed ? " (truncated)" : " (trailing data)"));
        }
        if (header.elementCount() > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(file, where + "byte " + header.dataOffset(), "shape",
                    header.elementCount() + " values do not fit in one Java array");
        }
        int count = (int) header.elementCount();
        float[] values = new float[count];
        ByteBuffer data = in.duplicate().order(header.dtype().order());
        data.position(in.position() + header.dataOffset());
        header.dtype().readInto(data, values, 0, count);
        int[] shape = Arrays.stream(header.shape()).mapToInt(d -> (int) d).toArray();
        if (header.fortranOrder() && shape.length == 2) {
            values = transposeFromColumnMajor(values, shape[0], shape[1]);
        }
        return new NpyArray(values, shape);
    }

    private static float[] transposeFromColumnMajor(float[] columnMajor, int rows, int cols) {
        float[] rowMajor = new float[columnMajor.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                rowMajor[r * cols + c] = columnMajor[c * rows + r];
            }
        }
        return rowMajor;
    }

    /** Writes a rectangular [rows][cols] matrix as float32 (atomically). */
    public static void write(Path file, float[][] matrix) {
        write(file, NpyArray.of(matrix));
    }

    /** Writes values in C order with the given 1-D or 2-D shape as float32 (atomically). */
    public static void write(Path file, NpyArray array) {
        AtomicFiles.write(file, out -> writeTo(out, array));
    }

    /** The bytes of a float32 npy file. */
    public static byte[] toBytes(NpyArray array) {
        var out = new java.io.ByteArrayOutputStream(64 + array.data().length * 4);
        try {
            writeTo(out, array);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen with a byte array
        }
        return out.toByteArray();
    }

    static void writeTo(OutputStream out, NpyArray array) throws IOException {
        long[] shape = Arrays.stream(array.shape()).asLongStream().toArray();
        out.write(NpyHeader.encode(NpyDtype.FLOAT32_LE, shape));
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        float[] data = array.data();
        for (int start = 0; start < data.length; start += chunk.capacity() / 4) {
            int n = Math.min(chunk.capacity() / 4, data.length - start);
            chunk.clear();
            chunk.asFloatBuffer().put(data, start, n);
            out.write(chunk.array(), 0, n * 4);
        }
    }
}
