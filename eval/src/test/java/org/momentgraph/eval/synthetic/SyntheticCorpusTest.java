package org.momentgraph.eval.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Query;
import org.momentgraph.eval.data.TvrJsonl;

/** The output stage: files written, byte-identical per seed, and read back by {@link SyntheticCorpus#load}. */
class SyntheticCorpusTest {

    private static final CorpusWriter.Progress QUIET = (done, total, seconds) -> { };

    private static SyntheticConfig fixture(long seed) {
        return SyntheticConfig.builder().videos(20).seed(seed).subtitles(true).build();
    }

    @Test
    void twentyVideoFixtureLoadsBack(@TempDir Path dir) {
        CorpusWriter.write(fixture(7), dir, QUIET);
        List<SyntheticVideo> generated = new ArrayList<>();
        new SyntheticGenerator(fixture(7)).forEach(generated::add);
        try (SyntheticCorpus corpus = SyntheticCorpus.load(dir)) {
            assertThat(corpus.videos()).hasSize(20);
            assertThat(corpus.manifest().get("seed").asLong()).isEqualTo(7);
            assertThat(corpus.manifest().at("/counts/videos/train").asInt()).isEqualTo(14);
            Set<String> seen = new HashSet<>();
            for (String split : Splits.NAMES) {
                Set<String> ids = new HashSet<>();
                corpus.queries(split).forEach(q -> ids.add(q.videoId()));
                assertThat(ids).as("splits share no video").noneMatch(seen::contains);
                seen.addAll(ids);
                corpus.videos().stream().filter(v -> ids.contains(v.video().id()))
                        .forEach(v -> assertThat(v.split()).isEqualTo(split));
            }
            for (SyntheticVideo v : generated) {
                SyntheticCorpus.VideoRecord r = corpus.videos().get(v.index());
                assertThat(r.video()).isEqualTo(v.video());
                assertThat(r.events()).hasSameSizeAs(v.events());
                assertThat(r.events().get(0).span()).isEqualTo(v.events().get(0).span());
                assertThat(r.entityNames()).containsExactlyElementsOf(v.entities().stream().map(Entity::name).toList());
                assertThat(corpus.queries(v.split())).containsAll(v.queries());
                assertThat(corpus.detectionsByVideo().get(v.id())).isEqualTo(v.frames());
                assertThat(corpus.subtitlesByVideo().get(v.id())).isEqualTo(v.subtitles());
                assertThat(corpus.features().clips(v.id())).isDeepEqualTo(v.features());
            }
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path root) throws IOException {
        CorpusWriter.write(fixture(7), root.resolve("a"), QUIET);
        CorpusWriter.write(fixture(7), root.resolve("b"), QUIET);
        CorpusWriter.write(fixture(8), root.resolve("c"), QUIET);
        List<String> names = files(root.resolve("a"));
        assertThat(names).contains("train.jsonl", "val.jsonl", "test.jsonl", "detections.jsonl", "features.h5",
                "videos.jsonl", "subtitles.jsonl", "manifest.json");
        assertThat(files(root.resolve("b"))).isEqualTo(names);
        for (String name : names) {
            assertThat(Files.readAllBytes(root.resolve("b").resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(root.resolve("a").resolve(name)));
        }
        for (String name : List.of("train.jsonl", "detections.jsonl", "features.h5", "videos.jsonl")) {
            assertThat(Files.readAllBytes(root.resolve("c").resolve(name))).as(name)
                    .isNotEqualTo(Files.readAllBytes(root.resolve("a").resolve(name)));
        }
    }

    @Test
    void featureOnlyCorpusStreamsNpyAndLoads(@TempDir Path dir) {
        SyntheticConfig config = SyntheticConfig.builder().videos(40).seed(3).featuresOnly(true).dim(32).build();
        CorpusWriter.write(config, dir, QUIET);
        assertThat(dir.resolve(CorpusFiles.DETECTIONS)).doesNotExist();
        assertThat(dir.resolve(CorpusFiles.FEATURES_H5)).doesNotExist();
        assertThat(dir.resolve("features.index.tsv")).exists();
        try (SyntheticCorpus corpus = SyntheticCorpus.load(dir)) {
            assertThat(corpus.detectionsByVideo()).isEmpty();
            assertThat(corpus.features().dim()).isEqualTo(32);
            for (SyntheticVideo v : new SyntheticGenerator(config)) {
                assertThat(corpus.features().clips(v.id())).isDeepEqualTo(v.features());
            }
        }
    }

    @Test
    void streamedQueryFilesReadBackThroughTvrJsonl(@TempDir Path dir) {
        CorpusWriter.write(fixture(9), dir, QUIET);
        List<Query> expected = new ArrayList<>();
        new SyntheticGenerator(fixture(9)).forEach(v -> expected.addAll(v.queries()));
        List<Query> read = new ArrayList<>();
        for (String split : Splits.NAMES) {
            read.addAll(TvrJsonl.read(dir.resolve(CorpusFiles.queries(split))));
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(read).allSatisfy(q -> assertThat(q.attributes()).containsKeys("difficulty", "interaction", "event"));
    }

    @Test
    void badVideoLineIsReportedWithFileLineAndField(@TempDir Path dir) throws IOException {
        CorpusWriter.write(SyntheticConfig.builder().videos(3).seed(1).build(), dir, QUIET);
        Path videos = dir.resolve(CorpusFiles.VIDEOS);
        List<String> lines = new ArrayList<>(Files.readAllLines(videos));
        lines.set(1, lines.get(1).replace("\"split\":\"" , "\"split\":\"x"));
        Files.write(videos, lines);
        assertThatThrownBy(() -> SyntheticCorpus.load(dir)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("videos.jsonl").hasMessageContaining("line 2").hasMessageContaining("split");
        Files.delete(dir.resolve(CorpusFiles.MANIFEST));
        assertThatThrownBy(() -> SyntheticCorpus.load(dir)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("manifest.json");
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
