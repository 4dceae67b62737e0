package org.momentgraph.encoders.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;

class CorpusIndexTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsVideosVectorsAndExtrasIncludingA1000ClipVideo() {
        Random rnd = new Random(1);
        List<VideoEncoding> videos = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            videos.add(RandomCorpus.video(rnd, "video_" + i, i == 5 ? 1000 : 1 + i, 16, true));
        }
        try (CorpusIndexWriter w = RandomCorpus.writer(dir, 16).optExtra("boxes", 3).build()) {
            videos.forEach(w::add);
            assertThat(w.commit()).isEqualTo(1);
        }
        try (CorpusIndex index = CorpusIndex.opener(dir).optExpectedDim(16).optExpectedModel(RandomCorpus.FINGERPRINT).open()) {
            assertThat(index.size()).isEqualTo(20);
            assertThat(index.modelId()).isEqualTo(RandomCorpus.MODEL);
            assertThat(index.extras()).containsEntry("boxes", 3);
            for (VideoEncoding e : videos) {
                int ord = index.ordinalOf(e.video().id()).orElseThrow();
                assertThat(index.video(ord)).isEqualTo(e.indexed());
                assertThat(index.videoVector(ord)).containsExactly(e.videoVector());
                assertThat(index.clipVectors(ord)).isDeepEqualTo(e.clipVectors());
                assertThat(index.extra(ord, "boxes")).isDeepEqualTo(e.extras().get("boxes"));
            }
            int longOne = index.ordinalOf("video_5").orElseThrow();
            assertThat(index.video(longOne).clips()).isEqualTo(1000);
            float[] curve = new SimilarityCurves(index).curve(videos.get(5).clipVectors()[999], longOne);
            assertThat(curve).hasSize(1000);
            assertThat(curve[999]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(index.mappedBytes()).isEqualTo(4L * (20 * 16 + index.ids().stream()
                    .mapToLong(id -> index.video(index.ordinalOf(id).orElseThrow()).clips()).sum() * (16 + 3)));
        }
    }

    @Test
    void addsRemovesReplacesAndCompacts() {
        RandomCorpus.write(dir, 10, 8, 2);
        Random rnd = new Random(3);
        VideoEncoding newV3 = RandomCorpus.video(rnd, "v3", 9, 8, false);
        try (CorpusIndexWriter w = RandomCorpus.writer(dir, 8).build()) {
            assertThat(w.remove("v0")).isTrue();
            assertThat(w.remove("v0")).isFalse();
            assertThat(w.remove("nope")).isFalse();
            w.add(newV3).add(RandomCorpus.video(rnd, "v10", 2, 8, false)).add(RandomCorpus.video(rnd, "gone", 2, 8, false));
            assertThat(w.remove("gone")).isTrue();
            w.commit();
            assertThat(w.committedCount()).isEqualTo(10);
        }
        try (CorpusIndex index = CorpusIndex.open(dir)) {
            assertThat(index.ids()).containsExactlyInAnyOrder("v1", "v2", "v4", "v5", "v6", "v7", "v8", "v9", "v3", "v10");
            assertThat(index.clipVectors(index.ordinalOf("v3").orElseThrow())).isDeepEqualTo(newV3.clipVectors());
        }
        List<String> before = segmentFiles();
        try (CorpusIndexWriter w = RandomCorpus.writer(dir, 8).build()) {
            w.compact();
        }
        List<String> after = segmentFiles();
        assertThat(after).hasSize(3).doesNotContainAnyElementsOf(before);
        try (CorpusIndex index = CorpusIndex.open(dir)) {
            assertThat(index.size()).isEqualTo(10);
            assertThat(index.clipVectors(index.ordinalOf("v3").orElseThrow())).isDeepEqualTo(newV3.clipVectors());
        }
    }

    @Test
    void writeKilledMidwayLeavesTheLastCommittedIndex() {
        RandomCorpus.write(dir, 5, 8, 4);
        Random rnd = new Random(5);
        CorpusIndexWriter.Builder crashing = RandomCorpus.writer(dir, 8).optOnFileWritten(file -> {
            if (file.getFileName().toString().endsWith("-videos.f32")) {
                throw new IllegalStateException("simulated crash after " + file.getFileName());
            }
        });
        try (CorpusIndexWriter w = crashing.build()) {
            w.add(RandomCorpus.video(rnd, "late", 3, 8, false));
            w.remove("v1");
            assertThatThrownBy(w::commit).hasMessageContaining("simulated crash");
        }
        try (CorpusIndex index = CorpusIndex.open(dir)) {
            assertThat(index.ids()).containsExactly("v0", "v1", "v2", "v3", "v4");
            assertThat(index.generation()).isEqualTo(1);
        }
        try (CorpusIndexWriter w = RandomCorpus.writer(dir, 8).build()) { // cleans the leftovers
            w.add(RandomCorpus.video(rnd, "late", 3, 8, false));
            w.commit();
        }
        try (CorpusIndex index = CorpusIndex.open(dir)) {
            assertThat(index.ids()).containsExactly("v0", "v1", "v2", "v3", "v4", "late");
        }
        assertThat(segmentFiles()).hasSize(6).allMatch(n -> !n.startsWith("."));
    }

    @Test
    void corruptTruncatedOrMismatchedFilesAreNamedInTheError() throws IOException {
        RandomCorpus.write(dir, 5, 8, 6);
        assertThatThrownBy(() -> CorpusIndex.opener(dir).optExpectedModel("other-model").open())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("manifest.json").hasMessageContaining("fingerprint");
        assertThatThrownBy(() -> CorpusIndex.opener(dir).optExpectedDim(384).open())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("manifest.json").hasMessageContaining("dim");
        assertThatThrownBy(() -> RandomCorpus.writer(dir, 16).build())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("dim");

        Path clips = dir.resolve(segmentFiles().stream().filter(n -> n.endsWith("-clips.f32")).findFirst().orElseThrow());
        try (RandomAccessFile f = new RandomAccessFile(clips.toFile(), "rw")) {
            f.seek(17);
            int b = f.read();
            f.seek(17);
            f.write(b ^ 0x40);
        }
        assertThatThrownBy(() -> CorpusIndex.open(dir))
                .isInstanceOf(DataFormatException.class).hasMessageContaining(clips.toString()).hasMessageContaining("checksum");
        try (RandomAccessFile f = new RandomAccessFile(clips.toFile(), "rw")) {
            f.setLength(f.length() - 4);
        }
        assertThatThrownBy(() -> CorpusIndex.opener(dir).optVerifyChecksums(false).open())
                .isInstanceOf(DataFormatException.class).hasMessageContaining(clips.toString()).hasMessageContaining("bytes");

        Files.writeString(dir.resolve("manifest.json"), "{\"formatVersion\": 1, \"dim\": \"eight\"}");
        assertThatThrownBy(() -> CorpusIndex.open(dir))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("manifest.json").hasMessageContaining("dim");
    }

    @Test
    void rejectsWrongShapesAndASecondWriter() {
        Random rnd = new Random(7);
        try (CorpusIndexWriter w = RandomCorpus.writer(dir, 8).build()) {
            assertThatThrownBy(() -> w.add(RandomCorpus.video(rnd, "a", 2, 9, false))).hasMessageContaining("dim is 8");
            assertThatThrownBy(() -> w.add(RandomCorpus.video(rnd, "b", 2, 8, true))).hasMessageContaining("extras");
            assertThatThrownBy(() -> RandomCorpus.writer(dir, 8).build()).hasMessageContaining("write.lock");
            w.add(RandomCorpus.video(rnd, "c", 2, 8, false));
            assertThatThrownBy(() -> w.add(RandomCorpus.video(rnd, "c", 2, 8, false))).hasMessageContaining("already added");
        }
        try (CorpusIndex index = CorpusIndex.open(dir)) {
            assertThat(index.size()).isZero(); // closed without commit
        }
    }

    private List<String> segmentFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains("seg-")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
