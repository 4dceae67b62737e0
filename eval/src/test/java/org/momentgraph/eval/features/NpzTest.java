package org.momentgraph.eval.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.momentgraph.eval.features.FeatureTestData.arange;
import static org.momentgraph.eval.features.FeatureTestData.assertBitExact;
import static org.momentgraph.eval.features.FeatureTestData.fixture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.SharedData;

class NpzTest {

    @TempDir
    Path dir;

    @Test
    void readsUniVtgClipFeaturesOfTheRealCharadesVideo() {
        Map<String, float[][]> vid = Npz.read(SharedData.file("univtg_charades_clip/vid.npz"));
        assertThat(vid).containsOnlyKeys("features");
        float[][] clips = vid.get("features");
        assertThat(clips).hasDimensions(15, 512); // 30.7 s at one CLIP feature per 2 s clip
        assertAllFinite(clips);
        assertThat(Arrays.stream(clips).mapToDouble(row -> norm(row)).min().getAsDouble()).isGreaterThan(0.1);
    }

    @Test
    void readsRealFloat16QueryTokenFeatures() {
        Map<String, NpyArray> txt = Npz.readArrays(SharedData.file("univtg_charades_clip/txt.npz"));
        assertThat(txt).containsOnlyKeys("features");
        assertThat(txt.get("features").shape()).containsExactly(12, 512);
        float[][] tokens = txt.get("features").toMatrix();
        assertAllFinite(tokens);
        assertThat(Arrays.stream(tokens).mapToDouble(NpzTest::norm).min().getAsDouble()).isGreaterThan(0.1);
    }

    @Test
    void readsNpSavezCompressed() {
        Map<String, float[][]> arrays = Npz.read(fixture("np_compressed.zip"));
        assertThat(arrays.keySet()).containsExactly("a", "b");
        assertBitExact(arrays.get("a"), arange(3, 4, 0.5, 0));
        assertBitExact(arrays.get("b"), arange(2, 4, -1, 2));
    }

    @Test
    void storedAndDeflatedRoundTripsAreBitExact() {
        Random random = new Random(11);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("video_b", NpyArray.of(FeatureTestData.random(random, 9, 32)));
        arrays.put("video_a", NpyArray.of(FeatureTestData.random(random, 4, 32)));
        arrays.put("no_clips", NpyArray.of(new float[0][], 32));
        for (boolean compressed : new boolean[] {false, true}) {
            Path file = dir.resolve(compressed + ".npz");
            Npz.writeArrays(file, arrays, compressed);
            Map<String, NpyArray> back = Npz.readArrays(file);
            assertThat(back.keySet()).containsExactly("video_b", "video_a", "no_clips");
            for (String key : arrays.keySet()) {
                assertThat(back.get(key).shape()).isEqualTo(arrays.get(key).shape());
                assertBitExact(back.get(key).toMatrix(), arrays.get(key).toMatrix());
            }
        }
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("f.npz");
        Npz.write(file, Map.of("x", new float[][] {{1}}));
        Npz.write(file, Map.of("y", new float[][] {{2, 3}}));
        assertThat(Npz.read(file)).containsOnlyKeys("y");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void notAZipFileIsAFormatError() throws IOException {
        Path file = Files.write(dir.resolve("bad.npz"), "this is not a zip archive at all".getBytes());
        assertThatThrownBy(() -> Npz.read(file)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("zip");
    }

    @Test
    void truncatedNpzIsAFormatError() throws IOException {
        byte[] whole = Files.readAllBytes(SharedData.file("univtg_charades_clip/vid.npz"));
        Path file = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(whole, whole.length / 2));
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> Npz.read(file));
        assertThat(e.file()).isEqualTo(file.toString());
    }

    @Test
    void corruptEntryNamesTheEntryAndByte() throws IOException {
        Path file = zip("garbage.npz", Map.of("features.npy", "NOT NUMPY AT ALL".getBytes()));
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> Npz.read(file));
        assertThat(e.location()).isEqualTo("entry features.npy byte 0");
        assertThat(e.field()).isEqualTo("magic");
    }

    @Test
    void entryThatIsNotNpyIsRefused() throws IOException {
        Path file = zip("other.npz", Map.of("notes.txt", "hello".getBytes()));
        assertThatThrownBy(() -> Npz.read(file)).isInstanceOf(DataFormatException.class).hasMessageContaining("entry notes.txt");
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    private static void assertAllFinite(float[][] m) {
        for (float[] row : m) {
            for (float v : row) {
                assertThat(Float.isFinite(v)).isTrue();
            }
        }
    }

    private static double norm(float[] row) {
        double sum = 0;
        for (float v : row) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
