package org.momentgraph.eval.features;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.momentgraph.domain.DataFormatException;

/**
 * The header of an npy file (format versions 1.0, 2.0 and 3.0): dtype, memory order, shape and where
 * the data starts. See numpy.lib.format: magic {@code \x93NUMPY}, major and minor version, a little-endian
 * header length (2 bytes in 1.0, 4 bytes after), then a Python dict literal padded with spaces and a newline.
 */
public record NpyHeader(NpyDtype dtype, boolean fortranOrder, long[] shape, int dataOffset) {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** Header size the streaming writer reserves, so the row count can be rewritten in place at close. */
    static final int FIXED_HEADER_BYTES = 128;

    /** Number of elements the shape holds. */
    public long elementCount() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public long dataBytes() {
        return Math.multiplyExact(elementCount(), dtype.size());
    }

    /** Rows of the array read as a matrix: 1 for a 1-D array. */
    public long rows() {
        return shape.length == 1 ? 1 : shape[0];
    }

    /** Columns of the array read as a matrix. */
    public long cols() {
        return shape.length == 1 ? shape[0] : shape[1];
    }

    /**
     * Parses the header at the start of {@code in}, which need only hold the header bytes.
     *
     * @param where prefix of every error location, e.g. "" or "entry features.npy "
     */
    public static NpyHeader parse(ByteBuffer in, String file, String where) {
        ByteBuffer b = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = b.position();
        if (b.remaining() < 10) {
            throw new DataFormatException(file, where + "byte 0", "magic",
                    "file has " + b.remaining() + " bytes, too short for an npy header (truncated?)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (b.get(start + i) != MAGIC[i]) {
                throw new DataFormatException(file, where + "byte " + i, "magic", "not an npy file: expected \\x93NUMPY");
            }
        }
        int major = Byte.toUnsignedInt(b.get(start + 6));
        int minor = Byte.toUnsignedInt(b.get(start + 7));
        long headerLength;
        int prefix;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(b.getShort(start + 8));
            prefix = 10;
        } else if (major == 2 || major == 3) {
            if (b.remaining() < 12) {
                throw new DataFormatException(file, where + "byte 8", "header_len", "truncated before the 4-byte header length");
            }
            headerLength = Integer.toUnsignedLong(b.getInt(start + 8));
            prefix = 12;
        } else {
            throw new DataFormatException(file, where + "byte 6", "version",
                    "npy format version " + major + "." + minor + " is not supported (1.0, 2.0, 3.0 are)");
        }
        if (prefix + headerLength > b.remaining()) {
            throw new DataFormatException(file, where + "byte 8", "header_len",
                    "header claims " + headerLength + " bytes but only " + (b.remaining() - prefix) + " follow (truncated?)");
        }
        byte[] text = new byte[(int) headerLength];
        b.get(start + prefix, text);
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return fromDict(dict, prefix + (int) headerLength, file, where + "byte " + prefix);
    }

    private static NpyHeader fromDict(String text, int dataOffset, String file, String where) {
        Map<String, Object> dict;
        try {
            dict = PythonLiteral.parseDict(text.strip());
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, where, "header", "header is not a Python dict literal: " + e.getMessage());
        }
        Object descr = dict.get("descr");
        if (!(descr instanceof String descrText)) {
            throw new DataFormatException(file, where, "descr", descr == null ? "missing"
                    : "structured dtype " + descr + " is not supported; need a numeric dtype such as '<f4'");
        }
        NpyDtype dtype = NpyDtype.parse(descrText);
        if (dtype == null) {
            throw new DataFormatException(file, where, "descr",
                    "dtype '" + descrText + "' is not supported; need f2/f4/f8, i1..i8 or u1..u8 with < > | or =");
        }
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean fortranOrder)) {
            throw new DataFormatException(file, where, "fortran_order", fortran == null ? "missing" : "not True/False: " + fortran);
        }
        Object shape = dict.get("shape");
        if (!(shape instanceof long[] dims)) {
            throw new DataFormatException(file, where, "shape", shape == null ? "missing" : "not a tuple of integers: " + shape);
        }
        if (dims.length < 1 || dims.length > 2) {
            throw new DataFormatException(file, where, "shape",
                    "shape " + Arrays.toString(dims) + " has " + dims.length + " dimensions; need 1 (one row) or 2 (rows, cols)");
        }
        NpyHeader header = new NpyHeader(dtype, fortranOrder, dims, dataOffset);
        try {
            header.dataBytes();
        } catch (ArithmeticException e) {
            throw new DataFormatException(file, where, "shape", "shape " + Arrays.toString(dims) + " overflows");
        }
        return header;
    }

    /** A version 1.0 header for a C-order array, padded with spaces to {@code totalBytes}. */
    static byte[] encode(NpyDtype dtype, long[] shape, int totalBytes) {
        String dict = dictText(dtype, shape);
        int minimum = 10 + dict.length() + 1;
        if (totalBytes < minimum || totalBytes - 10 > 0xffff) {
            throw new IllegalArgumentException("header needs " + minimum + " bytes, asked for " + totalBytes);
        }
        ByteBuffer out = ByteBuffer.allocate(totalBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) (totalBytes - 10));
        out.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        while (out.position() < totalBytes - 1) {
            out.put((byte) ' ');
        }
        out.put((byte) '\n');
        return out.array();
    }

    /** The smallest version 1.0 header, padded to a multiple of 64 bytes as NumPy does so the data is aligned. */
    static byte[] encode(NpyDtype dtype, long[] shape) {
        int minimum = 10 + dictText(dtype, shape).length() + 1;
        return encode(dtype, shape, (minimum + 63) / 64 * 64);
    }

    private static String dictText(NpyDtype dtype, long[] shape) {
        StringBuilder shapeText = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            shapeText.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        shapeText.append(shape.length == 1 ? ",)" : ")");
        return "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
    }
}
