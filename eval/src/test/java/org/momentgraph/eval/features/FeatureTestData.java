package org.momentgraph.eval.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/** Fixtures and generated data shared by the feature tests. */
final class FeatureTestData {

    private FeatureTestData() {
    }

    /** A file under src/test/resources/features (written by make_fixtures.py with NumPy / h5py). */
    static Path fixture(String name) {
        try {
            return Path.of(FeatureTestData.class.getResource("/features/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture " + name, e);
        }
    }

    /** The arange fixtures: element k in C order is k * scale + offset. */
    static float[][] arange(int rows, int cols, double scale, double offset) {
        float[][] m = new float[rows][cols];
        for (int k = 0; k < rows * cols; k++) {
            m[k / cols][k % cols] = (float) (k * scale + offset);
        }
        return m;
    }

    /** Gaussian values with a few edge cases mixed in: -0, subnormal, extremes, infinities, NaN. */
    static float[][] random(Random random, int rows, int cols) {
        float[] specials = {-0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NaN};
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = random.nextInt(50) == 0 ? specials[random.nextInt(specials.length)] : (float) random.nextGaussian();
            }
        }
        return m;
    }

    /** Bit-exact equality (so NaN equals NaN and -0 differs from 0). */
    static void assertBitExact(float[][] actual, float[][] expected) {
        assertThat(actual.length).as("rows").isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            assertThat(actual[r].length).as("cols of row %d", r).isEqualTo(expected[r].length);
            for (int c = 0; c < expected[r].length; c++) {
                assertThat(Float.floatToRawIntBits(actual[r][c])).as("[%d][%d]", r, c)
                        .isEqualTo(Float.floatToRawIntBits(expected[r][c]));
            }
        }
    }

    /** An npy file by hand: magic, version, header length, the dict padded to 64 bytes, then data. */
    static byte[] npy(int major, String dict, byte[] data) {
        int prefix = major == 1 ? 10 : 12;
        int total = (prefix + dict.length() + 1 + 63) / 64 * 64;
        ByteBuffer b = ByteBuffer.allocate(total + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) (total - prefix));
        } else {
            b.putInt(total - prefix);
        }
        b.put(dict.getBytes(StandardCharsets.ISO_8859_1));
        while (b.position() < total - 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n').put(data);
        return b.array();
    }

    static byte[] littleEndianFloats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }
}
