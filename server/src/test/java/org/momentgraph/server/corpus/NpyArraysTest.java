package org.momentgraph.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;

class NpyArraysTest {

    @TempDir
    Path dir;

    @Test
    void float32RoundTripWithNumpyHeaderAlignment() throws Exception {
        float[][] m = {{1.5f, -2f, 3f}, {0f, 1e-7f, Float.MAX_VALUE}};
        Path f = dir.resolve("m.npy");
        NpyArrays.write(f, m);
        byte[] bytes = Files.readAllBytes(f);
        int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        assertThat((10 + headerLength) % 64).isZero();
        assertThat(bytes.length).isEqualTo(10 + headerLength + 2 * 3 * 4);
        assertThat(NpyArrays.read(f)).isDeepEqualTo(m);
    }

    @Test
    void readsFloat64AsWrittenByNumpy() throws Exception {
        Path f = dir.resolve("d.npy");
        Files.write(f, npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", 8, 0.25, 1, 2, -3));
        assertThat(NpyArrays.read(f)).isDeepEqualTo(new float[][] {{0.25f, 1f}, {2f, -3f}});
    }

    @Test
    void badFilesNameTheHeaderField() throws Exception {
        Path notNpy = dir.resolve("x.npy");
        Files.writeString(notNpy, "{\"a\": 1}");
        assertThatThrownBy(() -> NpyArrays.read(notNpy)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("magic");
        Path ints = dir.resolve("i.npy");
        Files.write(ints, npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 1), }", 8, 0));
        assertThatThrownBy(() -> NpyArrays.read(ints)).hasMessageContaining("descr");
        Path truncated = dir.resolve("t.npy");
        Files.write(truncated, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 3), }", 4, 1, 2));
        assertThatThrownBy(() -> NpyArrays.read(truncated)).hasMessageContaining("shape (3, 3) needs 36 bytes");
        Path threeD = dir.resolve("3d.npy");
        Files.write(threeD, npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 1), }", 4, 1));
        assertThatThrownBy(() -> NpyArrays.read(threeD)).hasMessageContaining("2-D");
    }

    private static byte[] npy(String dict, int width, double... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        String header = dict + "\n";
        out.write(header.length() & 0xff);
        out.write(header.length() >> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer data = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (width == 8) {
                data.putDouble(v);
            } else {
                data.putFloat((float) v);
            }
        }
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
