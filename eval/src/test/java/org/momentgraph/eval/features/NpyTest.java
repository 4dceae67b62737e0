package org.momentgraph.eval.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.momentgraph.eval.features.FeatureTestData.arange;
import static org.momentgraph.eval.features.FeatureTestData.assertBitExact;
import static org.momentgraph.eval.features.FeatureTestData.fixture;
import static org.momentgraph.eval.features.FeatureTestData.littleEndianFloats;
import static org.momentgraph.eval.features.FeatureTestData.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.momentgraph.domain.DataFormatException;

class NpyTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "np_f4_le.npy, 2, 3, 0.5, -1",
        "np_f8_be.npy, 2, 3, 0.25, 1",
        "np_f4_be.npy, 3, 2, 1.5, 0",
        "np_i4_le.npy, 2, 3, 7, -5",
        "np_i4_be.npy, 2, 3, 7, -5",
        "np_i8_le.npy, 2, 3, 1000, -3",
        "np_i8_be.npy, 2, 3, 1000, -3",
        "np_u1.npy, 2, 3, 40, 1",
        "np_v2_f4.npy, 2, 3, 0.5, -1",
        "np_v3_f4.npy, 2, 3, 0.5, -1",
        "np_fortran_f4.npy, 2, 3, 1, 0",
    })
    void readsWhatNumPyWrote(String file, int rows, int cols, double scale, double offset) {
        assertBitExact(Npy.read(fixture(file)), arange(rows, cols, scale, offset));
    }

    @Test
    void readsOneDimensionalFloat16AsOneRow() {
        NpyArray array = Npy.readArray(fixture("np_f2_1d.npy"));
        assertThat(array.shape()).containsExactly(5);
        assertThat(array.data()).containsExactly(0f, 0.5f, 1f, 1.5f, 2f);
        assertThat(array.toMatrix()).hasDimensions(1, 5);
    }

    @Test
    void float16EdgeCasesConvertExactly() {
        assertThat(NpyDtype.halfToFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(NpyDtype.halfToFloat((short) 0xc000)).isEqualTo(-2f);
        assertThat(NpyDtype.halfToFloat((short) 0x7bff)).isEqualTo(65504f);
        assertThat(NpyDtype.halfToFloat((short) 0x0001)).isEqualTo((float) Math.pow(2, -24));
        assertThat(NpyDtype.halfToFloat((short) 0x7c00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(NpyDtype.halfToFloat((short) 0x7e00)).isNaN();
        assertThat(Float.floatToRawIntBits(NpyDtype.halfToFloat((short) 0x8000))).isEqualTo(Float.floatToRawIntBits(-0f));
    }

    @Test
    void matrixRoundTripIsBitExact() {
        float[][] matrix = FeatureTestData.random(new Random(7), 37, 19);
        Path file = dir.resolve("m.npy");
        Npy.write(file, matrix);
        assertBitExact(Npy.read(file), matrix);
        assertThat(Npy.readHeader(file).shape()).containsExactly(37, 19);
    }

    @Test
    void flatRoundTripKeepsShapeIncludingEmptyRows() {
        Path oneD = dir.resolve("one.npy");
        Npy.write(oneD, new NpyArray(new float[] {1, 2, 3}, new int[] {3}));
        assertThat(Npy.readArray(oneD).shape()).containsExactly(3);
        Path empty = dir.resolve("empty.npy");
        Npy.write(empty, NpyArray.of(new float[0][], 512));
        NpyArray back = Npy.readArray(empty);
        assertThat(back.shape()).containsExactly(0, 512);
        assertThat(back.toMatrix()).isEmpty();
    }

    @Test
    void writesTheHeaderNumPyWrites() throws IOException {
        Path file = dir.resolve("h.npy");
        Npy.write(file, new float[][] {{1, 2}, {3, 4}, {5, 6}});
        byte[] bytes = Files.readAllBytes(file);
        // same as np.save: 128-byte header (the dict needs 71 bytes with the prefix, padded to a multiple of 64)
        assertThat(Arrays.copyOfRange(bytes, 0, 10)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0);
        String header = new String(bytes, 10, 118, StandardCharsets.ISO_8859_1);
        assertThat(header).startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }").endsWith("\n");
        assertThat(bytes).hasSize(128 + 6 * 4);
        assertThat(Arrays.copyOfRange(bytes, 128, 132)).containsExactly(littleEndianFloats(1f));
    }

    @Test
    void writesTheSameBytesAsNpSave() throws IOException {
        Path file = dir.resolve("same.npy");
        Npy.write(file, arange(2, 3, 0.5, -1));
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(fixture("np_f4_le.npy")));
    }

    @Test
    void wrongMagicNamesTheByte() throws IOException {
        byte[] bytes = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", littleEndianFloats(1f));
        bytes[1] = 'X';
        DataFormatException e = readBroken(bytes);
        assertThat(e.field()).isEqualTo("magic");
        assertThat(e.location()).isEqualTo("byte 1");
    }

    @Test
    void truncatedHeaderAndDataAreReported() throws IOException {
        byte[] whole = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", littleEndianFloats(1, 2, 3, 4));
        DataFormatException header = readBroken(Arrays.copyOf(whole, 40));
        assertThat(header.field()).isEqualTo("header_len");
        assertThat(header.getMessage()).contains("truncated");
        DataFormatException data = readBroken(Arrays.copyOf(whole, whole.length - 3));
        assertThat(data.field()).isEqualTo("data");
        assertThat(data.location()).isEqualTo("byte 128");
        assertThat(data.getMessage()).contains("16 bytes", "13 bytes", "truncated");
        assertThat(readBroken(new byte[] {(byte) 0x93, 'N'}).field()).isEqualTo("magic");
    }

    @Test
    void trailingDataIsAMismatch() throws IOException {
        byte[] bytes = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", littleEndianFloats(1, 2));
        assertThat(readBroken(bytes).getMessage()).contains("trailing data");
    }

    @Test
    void unsupportedDtypesAndShapesAreNamed() throws IOException {
        DataFormatException complex = readBroken(npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]));
        assertThat(complex.field()).isEqualTo("descr");
        assertThat(complex.getMessage()).contains("<c8");
        DataFormatException structured = readBroken(npy(1,
                "{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[8]));
        assertThat(structured.field()).isEqualTo("descr");
        assertThat(structured.getMessage()).contains("structured");
        DataFormatException cube = readBroken(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 1), }", new byte[4]));
        assertThat(cube.field()).isEqualTo("shape");
        DataFormatException scalar = readBroken(npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (), }", new byte[4]));
        assertThat(scalar.field()).isEqualTo("shape");
        DataFormatException noOrder = readBroken(npy(1, "{'descr': '<f4', 'shape': (1,), }", new byte[4]));
        assertThat(noOrder.field()).isEqualTo("fortran_order");
        DataFormatException garbage = readBroken(npy(1, "{'descr': '<f4', 'shape' (1,)}", new byte[4]));
        assertThat(garbage.field()).isEqualTo("header");
    }

    @Test
    void unknownVersionIsRefused() throws IOException {
        DataFormatException e = readBroken(npy(4, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]));
        assertThat(e.field()).isEqualTo("version");
        assertThat(e.location()).isEqualTo("byte 6");
    }

    @Test
    void versionTwoHeaderWrittenByHandReads() throws IOException {
        Path file = dir.resolve("v2.npy");
        Files.write(file, npy(2, "{'shape': (2,), 'fortran_order': False, 'descr': '<f4'}", littleEndianFloats(3, 4)));
        assertThat(Npy.readArray(file).data()).containsExactly(3f, 4f);
    }

    @Test
    void readsLittleEndianFloat64AsTheServerReceivesIt() throws IOException {
        ByteBuffer data = ByteBuffer.allocate(4 * 8).order(ByteOrder.LITTLE_ENDIAN);
        data.putDouble(0.25).putDouble(1).putDouble(2).putDouble(-3);
        Path file = Files.write(dir.resolve("d.npy"),
                npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", data.array()));
        assertThat(Npy.read(file)).isDeepEqualTo(new float[][] {{0.25f, 1f}, {2f, -3f}});
    }

    private DataFormatException readBroken(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("broken.npy"), bytes);
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> Npy.read(file));
        assertThat(e.file()).isEqualTo(file.toString());
        return e;
    }

    @Test
    void writerRefusesRaggedMatrix() {
        assertThatThrownBy(() -> Npy.write(dir.resolve("r.npy"), new float[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThat(dir.resolve("r.npy")).doesNotExist();
    }
}
