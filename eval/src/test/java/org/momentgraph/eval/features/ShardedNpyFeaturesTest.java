package org.momentgraph.eval.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.momentgraph.eval.features.FeatureTestData.assertBitExact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Video;

class ShardedNpyFeaturesTest {

    private static final int DIM = 12;

    @TempDir
    Path dir;

    private final Map<String, float[][]> corpus = new LinkedHashMap<>();
    private Path npy;

    /** 40 videos of 0..14 clips each, written with a buffer smaller than one video so flushes split videos. */
    private void writeCorpus() {
        Random random = new Random(99);
        npy = dir.resolve("corpus.npy");
        try (NpyStreamWriter out = NpyStreamWriter.create(npy, DIM, 100)) {
            for (int v = 0; v < 40; v++) {
                float[][] clips = FeatureTestData.random(random, random.nextInt(15), DIM);
                String id = "vid" + (v * 37 % 40);
                corpus.put(id, clips);
                if (v % 2 == 0) {
                    out.append(new Video(id, Math.max(clips.length, 1) * 1.5, 1.5), clips);
                } else {
                    float[] flat = new float[clips.length * DIM];
                    for (int r = 0; r < clips.length; r++) {
                        System.arraycopy(clips[r], 0, flat, r * DIM, DIM);
                    }
                    out.append(id, flat, clips.length, Math.max(clips.length, 1) * 1.5, 1.5);
                }
            }
            assertThat(npy).as("nothing is published before close").doesNotExist();
        }
    }

    @Test
    void roundTripIsBitExactAcrossSegments() {
        writeCorpus();
        for (long segmentBytes : new long[] {1L << 30, 3 * DIM * 4, 7 * DIM * 4}) {
            try (ShardedNpyFeatures features = ShardedNpyFeatures.open(npy, FeatureIndex.pathFor(npy), segmentBytes)) {
                assertThat(features.videoIds()).containsExactlyElementsOf(corpus.keySet());
                assertThat(features.dim()).isEqualTo(DIM);
                corpus.forEach((id, clips) -> assertBitExact(features.clips(id), clips));
                assertThat(features.video("vid1")).isEqualTo(new Video("vid1", Math.max(corpus.get("vid1").length, 1) * 1.5, 1.5));
            }
        }
    }

    @Test
    void headerIsRewrittenSoNumPyReadsAllRows() {
        writeCorpus();
        List<float[]> allRows = new ArrayList<>();
        corpus.values().forEach(clips -> allRows.addAll(Arrays.asList(clips)));
        assertBitExact(Npy.read(npy), allRows.toArray(float[][]::new));
        assertThat(Npy.readHeader(npy).dataOffset()).isEqualTo(128);
    }

    @Test
    void closeLeavesOnlyThePairAndAbortLeavesNothing() throws IOException {
        writeCorpus();
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("corpus.npy", "corpus.index.tsv");
        }
        NpyStreamWriter aborted = NpyStreamWriter.create(dir.resolve("other.npy"), DIM);
        aborted.append("x", new float[2][DIM], 3.0, 1.5);
        aborted.abort();
        aborted.close();
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("corpus.npy", "corpus.index.tsv");
        }
    }

    @Test
    void writerRefusesBadAppendsWithoutLosingTheRest() {
        Path file = dir.resolve("w.npy");
        try (NpyStreamWriter out = NpyStreamWriter.create(file, 4)) {
            out.append("a", new float[][] {{1, 2, 3, 4}}, 2.0, 2.0);
            assertThatThrownBy(() -> out.append("a", new float[1][4], 2.0, 2.0)).hasMessageContaining("already");
            assertThatThrownBy(() -> out.append("b", new float[][] {{1, 2, 3}}, 2.0, 2.0)).hasMessageContaining("dim 3");
            assertThatThrownBy(() -> out.append("c\td", new float[1][4], 2.0, 2.0)).hasMessageContaining("tabs");
            assertThatThrownBy(() -> out.append("e", new float[1][4], 0.0, 2.0)).hasMessageContaining("duration");
            out.append("b", new float[][] {{5, 6, 7, 8}}, 2.0, 2.0);
        }
        try (ShardedNpyFeatures features = ShardedNpyFeatures.open(file)) {
            assertThat(features.videoIds()).containsExactly("a", "b");
            assertThat(features.clips("b")[0]).containsExactly(5, 6, 7, 8);
        }
    }

    @Test
    void missingVideoNamesTheKey() {
        writeCorpus();
        try (ShardedNpyFeatures features = ShardedNpyFeatures.open(npy)) {
            DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> features.clips("vid99"));
            assertThat(e.location()).isEqualTo("vid99");
            assertThat(e.file()).isEqualTo(npy.toString());
        }
    }

    @Test
    void truncatedPaddedOrNonNpyCorpusIsAFormatError() throws IOException {
        writeCorpus();
        byte[] whole = Files.readAllBytes(npy);
        Files.write(npy, Arrays.copyOf(whole, whole.length - 5));
        DataFormatException cut = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> ShardedNpyFeatures.open(npy));
        assertThat(cut.field()).isEqualTo("data");
        assertThat(cut.getMessage()).contains("truncated");
        byte[] badMagic = whole.clone();
        badMagic[0] = 'X';
        Files.write(npy, badMagic);
        DataFormatException magic = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> ShardedNpyFeatures.open(npy));
        assertThat(magic.field()).isEqualTo("magic");
        assertThat(magic.location()).isEqualTo("byte 0");
        Files.write(npy, Arrays.copyOf(whole, whole.length + 4));
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> ShardedNpyFeatures.open(npy)).field())
                .isEqualTo("data");
    }

    @Test
    void indexThatDoesNotMatchTheNpyIsRefused() throws IOException {
        writeCorpus();
        Path index = FeatureIndex.pathFor(npy);
        List<String> lines = Files.readAllLines(index);
        Files.write(index, lines.subList(0, lines.size() - 1));
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> ShardedNpyFeatures.open(npy));
        assertThat(e.file()).isEqualTo(index.toString());
        assertThat(e.getMessage()).contains("does not belong");
    }

    @Test
    void badIndexLinesNameLineAndField() throws IOException {
        writeCorpus();
        Path index = FeatureIndex.pathFor(npy);
        List<String> good = Files.readAllLines(index);
        assertIndexError(index, withLine(good, 3, "vid5\t0\tmany\t3.0\t1.5"), "line 3", "row_count");
        assertIndexError(index, withLine(good, 4, "vid5\t0\t1\t-3.0\t1.5"), "line 4", "duration");
        assertIndexError(index, withLine(good, 2, "vid5\t0\t1"), "line 2", null);
        assertIndexError(index, withLine(good, 1, "id\tfirst\tcount\tduration\tclip"), "line 1", null);
        List<String> duplicate = new ArrayList<>(good);
        duplicate.add(good.get(1));
        assertIndexError(index, duplicate, "line " + duplicate.size(), "video_id");
    }

    @Test
    void nonFloat32CorpusIsRefusedByDtype() throws IOException {
        Path f8 = dir.resolve("f8.npy");
        Files.copy(FeatureTestData.fixture("np_f8_be.npy"), f8);
        Files.writeString(FeatureIndex.pathFor(f8), FeatureIndex.HEADER + "\n" + FeatureIndex.line("v", 0, 2, 3.0, 1.5));
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> ShardedNpyFeatures.open(f8));
        assertThat(e.field()).isEqualTo("descr");
        assertThat(e.getMessage()).contains(">f8");
    }

    private static List<String> withLine(List<String> lines, int lineNumber, String replacement) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(lineNumber - 1, replacement);
        return copy;
    }

    private void assertIndexError(Path index, List<String> lines, String location, String field) throws IOException {
        Files.write(index, lines);
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> ShardedNpyFeatures.open(npy));
        assertThat(e.file()).isEqualTo(index.toString());
        assertThat(e.location()).isEqualTo(location);
        assertThat(e.field()).isEqualTo(field);
    }
}
