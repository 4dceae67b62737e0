package org.momentgraph.eval.features;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A NumPy numeric dtype as written in an npy header's {@code descr}: byte order ({@code <}, {@code >},
 * {@code |} or {@code =}), kind ({@code f}, {@code i}, {@code u}) and item size. Every value is read as
 * a float, so 64-bit integers and doubles lose precision beyond float's 24-bit mantissa.
 */
public record NpyDtype(char kind, int size, ByteOrder order) {

    public static final NpyDtype FLOAT32_LE = new NpyDtype('f', 4, ByteOrder.LITTLE_ENDIAN);

    /** Parses a descr such as {@code <f4}, {@code >i8}, {@code |u1}; null when it is not a supported numeric dtype. */
    public static NpyDtype parse(String descr) {
        if (descr.length() < 3) {
            return null;
        }
        char orderChar = descr.charAt(0);
        char kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            return null;
        }
        ByteOrder order;
        switch (orderChar) {
            case '<': order = ByteOrder.LITTLE_ENDIAN; break;
            case '>': order = ByteOrder.BIG_ENDIAN; break;
            case '=': order = ByteOrder.nativeOrder(); break;
            case '|': order = ByteOrder.LITTLE_ENDIAN; break; // only valid for 1-byte types
            default: return null;
        }
        boolean supported = switch (kind) {
            case 'f' -> size == 2 || size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            default -> false;
        };
        if (!supported || (orderChar == '|' && size != 1)) {
            return null;
        }
        return new NpyDtype(kind, size, order);
    }

    /** The descr NumPy writes for this dtype. */
    public String descr() {
        char orderChar = size == 1 ? '|' : order == ByteOrder.LITTLE_ENDIAN ? '<' : '>';
        return "" + orderChar + kind + size;
    }

    /** Reads {@code count} values starting at the buffer's position into {@code out[offset..]}; the buffer's order must be {@link #order()}. */
    void readInto(ByteBuffer in, float[] out, int offset, int count) {
        switch (kind) {
            case 'f' -> {
                if (size == 4) {
                    in.asFloatBuffer().get(out, offset, count);
                } else if (size == 8) {
                    for (int i = 0; i < count; i++) {
                        out[offset + i] = (float) in.getDouble(in.position() + 8 * i);
                    }
                } else {
                    for (int i = 0; i < count; i++) {
                        out[offset + i] = halfToFloat(in.getShort(in.position() + 2 * i));
                    }
                }
            }
            case 'i' -> {
                for (int i = 0; i < count; i++) {
                    int at = in.position() + size * i;
                    out[offset + i] = switch (size) {
                        case 1 -> in.get(at);
                        case 2 -> in.getShort(at);
                        case 4 -> in.getInt(at);
                        default -> in.getLong(at);
                    };
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    int at = in.position() + size * i;
                    out[offset + i] = switch (size) {
                        case 1 -> Byte.toUnsignedInt(in.get(at));
                        case 2 -> Short.toUnsignedInt(in.getShort(at));
                        case 4 -> Integer.toUnsignedLong(in.getInt(at));
                        default -> unsignedLongToFloat(in.getLong(at));
                    };
                }
            }
        }
    }

    private static float unsignedLongToFloat(long v) {
        return v >= 0 ? v : (float) ((v >>> 1) * 2.0 + (v & 1));
    }

    /** IEEE 754 binary16 to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) { // infinity or NaN
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            float subnormal = mantissa * 0x1p-24f; // exact: 2^-14 * mantissa / 2^10
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
