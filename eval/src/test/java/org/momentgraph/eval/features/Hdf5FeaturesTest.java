package org.momentgraph.eval.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.momentgraph.eval.features.FeatureTestData.arange;
import static org.momentgraph.eval.features.FeatureTestData.assertBitExact;
import static org.momentgraph.eval.features.FeatureTestData.fixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;

class Hdf5FeaturesTest {

    @TempDir
    Path dir;

    @Test
    void readsH5pyVideoFeaturesLazilyByKey() {
        try (Hdf5Features features = Hdf5Features.open(fixture("h5py_video_feats.h5"))) {
            assertThat(features.keys()).containsExactlyInAnyOrder("s01e02_seg02_clip_12", "s01e02_seg02_clip_13", "s01e03_seg01_clip_00");
            assertThat(features.dim()).isEqualTo(6);
            assertBitExact(features.get("s01e02_seg02_clip_12"), arange(4, 6, 0.5, 0)); // float32
            assertBitExact(features.get("s01e02_seg02_clip_13"), arange(3, 6, 0.125, 0)); // float64, exact in float
            assertBitExact(features.get("s01e03_seg01_clip_00"), arange(5, 6, 1, -2)); // chunked + gzip
        }
    }

    @Test
    void readAllMatchesLazyReads() {
        Map<String, float[][]> all = Hdf5Features.readAll(fixture("h5py_query_feats.h5"));
        assertThat(all.keySet()).containsExactlyInAnyOrder("90200", "90201");
        assertBitExact(all.get("90200"), arange(7, 8, 0.25, 0));
        assertBitExact(all.get("90201"), arange(3, 8, -0.5, 1));
    }

    @Test
    void writeThenReadIsBitExact() {
        Random random = new Random(3);
        Map<String, float[][]> written = new LinkedHashMap<>();
        for (int v = 0; v < 20; v++) {
            written.put("s0" + v % 9 + "e1" + v + "_seg02_clip_" + v, FeatureTestData.random(random, 1 + random.nextInt(30), 48));
        }
        Path file = dir.resolve("tvr_feats.h5");
        Hdf5Features.write(file, written);
        Map<String, float[][]> back = Hdf5Features.readAll(file);
        assertThat(back.keySet()).containsExactlyInAnyOrderElementsOf(written.keySet());
        written.forEach((key, matrix) -> assertBitExact(back.get(key), matrix));
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("f.h5");
        Hdf5Features.write(file, Map.of("a", new float[][] {{1, 2}}));
        Hdf5Features.write(file, Map.of("b", new float[][] {{3, 4}}));
        assertThat(Hdf5Features.readAll(file)).containsOnlyKeys("b");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void writeRefusesWhatHdf5CannotHold() {
        Path file = dir.resolve("no.h5");
        assertThatThrownBy(() -> Hdf5Features.write(file, Map.of("a/b", new float[][] {{1}})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hdf5Features.write(file, Map.of("empty", new float[0][])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rows");
        assertThatThrownBy(() -> Hdf5Features.write(file, Map.of("ragged", new float[][] {{1, 2}, {3}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ragged");
        assertThat(file).doesNotExist();
    }

    @Test
    void missingKeyNamesFileAndKey() {
        try (Hdf5Features features = Hdf5Features.open(fixture("h5py_video_feats.h5"))) {
            DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                    () -> features.get("s09e99_seg01_clip_00"));
            assertThat(e.location()).isEqualTo("s09e99_seg01_clip_00");
            assertThat(e.file()).endsWith("h5py_video_feats.h5");
        }
    }

    @Test
    void wrongRankTypeAndDimAreNamedByKey() {
        try (Hdf5Features features = Hdf5Features.open(fixture("h5py_bad_feats.h5"))) {
            assertThat(features.get("good")).hasDimensions(2, 6);
            DataFormatException cube = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> features.get("three_d"));
            assertThat(cube.location()).isEqualTo("three_d");
            assertThat(cube.field()).isEqualTo("shape");
            DataFormatException ints = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> features.get("ints"));
            assertThat(ints.field()).isEqualTo("dtype");
            DataFormatException wide = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> features.get("wide"));
            assertThat(wide.field()).isEqualTo("shape");
            assertThat(wide.getMessage()).contains("dim 7", "dim 6", "good");
        }
    }

    @Test
    void notHdf5IsAFormatError() throws IOException {
        Path file = Files.write(dir.resolve("fake.h5"), "plain text, no HDF5 signature".getBytes());
        assertThatThrownBy(() -> Hdf5Features.open(file)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("HDF5");
    }

    @Test
    void truncatedHdf5IsAFormatErrorAtOpenOrRead() throws IOException {
        byte[] whole = Files.readAllBytes(fixture("h5py_video_feats.h5"));
        for (int keep : new int[] {whole.length / 8, whole.length / 2, whole.length - 200}) {
            Path file = Files.write(dir.resolve("cut" + keep + ".h5"), Arrays.copyOf(whole, keep));
            assertThatThrownBy(() -> {
                try (Hdf5Features features = Hdf5Features.open(file)) {
                    for (String key : features.keys()) {
                        features.get(key);
                    }
                    assertThat(features.keys()).as("a cut file lost datasets").hasSize(3);
                }
            }).as("cut at %d of %d bytes", keep, whole.length).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining(file.toString());
        }
    }
}
