package org.momentgraph.server.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;

/**
 * Reads and writes 2-D float matrices as NumPy {@code .npy} files (format 1.0/2.0, C order,
 * little-endian float32 or float64), the usual container of per-clip video features.
 */
public final class NpyArrays {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,?\\s*\\)");

    private NpyArrays() {
    }

    /** Writes rows x cols float32 values atomically. */
    public static void write(Path file, float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows.length + ", " + cols + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        AtomicFiles.write(file, out -> {
            out.write(MAGIC);
            out.write(new byte[] {1, 0, (byte) (header.length() & 0xff), (byte) (header.length() >> 8)});
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer row = ByteBuffer.allocate(cols * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] r : rows) {
                row.clear();
                row.asFloatBuffer().put(r);
                out.write(row.array());
            }
        });
    }

    /** Reads a 2-D float32 or float64 array; bad headers are reported with the file and the header field. */
    public static float[][] read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String name = file.toString();
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte b : MAGIC) {
            if (buf.remaining() == 0 || buf.get() != b) {
                throw new DataFormatException(name, "byte 0", "magic", "not a .npy file");
            }
        }
        if (buf.remaining() < 4) {
            throw new DataFormatException(name, "byte 6", "version", "truncated header");
        }
        int major = buf.get();
        buf.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        if (headerLength < 0 || headerLength > buf.remaining()) {
            throw new DataFormatException(name, "header", "header_len", "longer than the file");
        }
        byte[] headerBytes = new byte[headerLength];
        buf.get(headerBytes);
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, name, "descr");
        if (group(FORTRAN, header, name, "fortran_order").equals("True")) {
            throw new DataFormatException(name, "header", "fortran_order", "only C-order arrays are supported");
        }
        Matcher shape = SHAPE.matcher(header);
        if (!shape.find()) {
            throw new DataFormatException(name, "header", "shape", "expected a 2-D shape (rows, cols)");
        }
        int rows = Integer.parseInt(shape.group(1));
        int cols = Integer.parseInt(shape.group(2));
        int width = switch (descr) {
            case "<f4" -> Float.BYTES;
            case "<f8" -> Double.BYTES;
            default -> throw new DataFormatException(name, "header", "descr", "expected '<f4' or '<f8', got '" + descr + "'");
        };
        if ((long) rows * cols * width != buf.remaining()) {
            throw new DataFormatException(name, "data", "shape", "shape (" + rows + ", " + cols + ") needs "
                    + (long) rows * cols * width + " bytes of data, file has " + buf.remaining());
        }
        float[][] out = new float[rows][cols];
        for (float[] row : out) {
            for (int c = 0; c < cols; c++) {
                row[c] = width == Float.BYTES ? buf.getFloat() : (float) buf.getDouble();
            }
        }
        return out;
    }

    private static String group(Pattern p, String header, String file, String field) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new DataFormatException(file, "header", field, "missing from the .npy header");
        }
        return m.group(1);
    }
}
