package org.momentgraph.eval.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.momentgraph.eval.features.FeatureTestData.arange;
import static org.momentgraph.eval.features.FeatureTestData.assertBitExact;
import static org.momentgraph.eval.features.FeatureTestData.fixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.SharedData;

class ClipFeaturesTest {

    @TempDir
    Path dir;

    private final Map<String, float[][]> corpus = corpus(new Random(21));

    private static Map<String, float[][]> corpus(Random random) {
        Map<String, float[][]> byVideo = new LinkedHashMap<>();
        for (int v = 0; v < 6; v++) {
            byVideo.put("video_" + v, FeatureTestData.random(random, 2 + random.nextInt(9), 24));
        }
        return byVideo;
    }

    @Test
    void everyFormatOpensToTheSameFeatures() throws IOException {
        Path h5 = dir.resolve("feats.h5");
        Hdf5Features.write(h5, corpus);
        Path npz = dir.resolve("feats.npz");
        Npz.write(npz, corpus);
        Path folder = Files.createDirectory(dir.resolve("per_video"));
        corpus.forEach((video, clips) -> Npy.write(folder.resolve(video + ".npy"), clips));
        Path corpusNpy = dir.resolve("corpus.npy");
        try (NpyStreamWriter out = NpyStreamWriter.create(corpusNpy, 24)) {
            corpus.forEach((video, clips) -> out.append(video, clips, clips.length * 2.0, 2.0));
        }
        for (Path path : new Path[] {h5, npz, folder, corpusNpy, dir.resolve("corpus.index.tsv")}) {
            try (ClipFeatures features = ClipFeatures.open(path)) {
                assertThat(features.videoIds()).as("%s", path).containsExactlyInAnyOrderElementsOf(corpus.keySet());
                assertThat(features.dim()).isEqualTo(24);
                corpus.forEach((video, clips) -> assertBitExact(features.clips(video), clips));
            }
        }
    }

    @Test
    void folderOfUniVtgNpzFilesReadsTheRealCharadesFeatures() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("vid_clip"));
        Files.copy(SharedData.file("univtg_charades_clip/vid.npz"), folder.resolve("charades_demo.npz"));
        try (ClipFeatures features = ClipFeatures.open(folder)) {
            assertThat(features.videoIds()).containsExactly("charades_demo");
            assertThat(features.dim()).isEqualTo(512);
            assertThat(features.clips("charades_demo")).hasDimensions(15, 512);
        }
    }

    @Test
    void h5pyWrittenTvrFileOpensAsClipFeatures() {
        try (ClipFeatures features = ClipFeatures.open(fixture("h5py_video_feats.h5"))) {
            assertThat(((ClipFeatures.View) features).store()).isInstanceOf(Hdf5Features.class);
            assertThat(features.videoIds()).hasSize(3);
            assertBitExact(features.clips("s01e02_seg02_clip_12"), arange(4, 6, 0.5, 0));
        }
    }

    @Test
    void inMemoryRefusesMismatchedDimsNamingTheKey() {
        Map<String, float[][]> mixed = new LinkedHashMap<>();
        mixed.put("a", new float[2][8]);
        mixed.put("b", new float[3][9]);
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> ClipFeatures.inMemory(mixed));
        assertThat(e.location()).isEqualTo("b");
        assertThat(e.getMessage()).contains("dim 9", "dim 8");
    }

    @Test
    void npzWithMismatchedDimsNamesFileAndKey() {
        Path npz = dir.resolve("mixed.npz");
        Map<String, float[][]> mixed = new LinkedHashMap<>(corpus);
        mixed.put("odd_video", new float[2][7]);
        Npz.write(npz, mixed);
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> ClipFeatures.open(npz));
        assertThat(e.file()).isEqualTo(npz.toString());
        assertThat(e.location()).isEqualTo("odd_video");
    }

    @Test
    void folderWithMismatchedDimsNamesFileAndKey() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("mixed"));
        Npy.write(folder.resolve("a.npy"), new float[3][16]);
        Npy.write(folder.resolve("b.npy"), new float[3][12]);
        try (ClipFeatures features = ClipFeatures.open(folder)) {
            assertThat(features.dim()).isEqualTo(16);
            assertThat(features.clips("a")).hasDimensions(3, 16);
            DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> features.clips("b"));
            assertThat(e.file()).isEqualTo(folder.resolve("b.npy").toString());
            assertThat(e.location()).isEqualTo("b");
            assertThat(e.field()).isEqualTo("shape");
        }
    }

    @Test
    void folderRefusesTwoFilesForOneKey() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("dup"));
        Npy.write(folder.resolve("a.npy"), new float[1][4]);
        Npz.write(folder.resolve("a.npz"), Map.of("features", new float[1][4]));
        assertThatThrownBy(() -> ClipFeatures.open(folder)).isInstanceOf(DataFormatException.class).hasMessageContaining("a.npy", "a.npz");
    }

    @Test
    void missingVideoIsAFormatErrorAtTheKey() {
        ClipFeatures features = ClipFeatures.inMemory(corpus);
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> features.clips("absent"));
        assertThat(e.location()).isEqualTo("absent");
    }

    @Test
    void unknownPathsAreRefusedClearly() throws IOException {
        assertThatThrownBy(() -> ClipFeatures.open(dir.resolve("nothing.h5"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nothing.h5");
        Path text = Files.writeString(dir.resolve("feats.csv"), "1,2,3");
        assertThatThrownBy(() -> ClipFeatures.open(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feats.csv");
        Path lone = dir.resolve("lone.npy");
        Npy.write(lone, new float[2][3]);
        assertThatThrownBy(() -> ClipFeatures.open(lone)).isInstanceOf(DataFormatException.class).hasMessageContaining("lone.index.tsv");
    }
}
