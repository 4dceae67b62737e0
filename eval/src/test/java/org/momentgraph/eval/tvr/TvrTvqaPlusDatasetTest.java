package org.momentgraph.eval.tvr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;

class TvrTvqaPlusDatasetTest {

    private static TvrTvqaPlusDataset data;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        data = TvrTvqaPlusDataset.load();
    }

    @Test
    void hasTheDevelopmentHalf() {
        assertThat(data.queries()).hasSize(1_015);
        assertThat(data.videos()).hasSize(203);
        assertThat(data.corpus()).hasSize(203).isSorted();
        assertThat(data.episodes()).hasSize(89).contains("s01e01", "s10e13");
        assertThat(data.queries().stream().map(Query::type).collect(Collectors.groupingBy(t -> t, Collectors.counting())))
                .containsEntry("v", 799L).containsEntry("t", 75L).containsEntry("vt", 141L);
        for (Query q : data.queries()) {
            Video v = data.video(q.videoId());
            assertThat(v.duration()).isEqualTo(q.duration());
            assertThat(v.clipLength()).isEqualTo(1.5);
        }
        assertThat(data.video("s02e05_seg02_clip_13").grid().size()).isEqualTo(40); // 58.55 s / 1.5 s
    }

    @Test
    void episodeIsTheNameBeforeSeg() {
        assertThat(TvrTvqaPlusDataset.episodeOf("s01e02_seg02_clip_12")).isEqualTo("s01e02");
        assertThat(TvrTvqaPlusDataset.episodeOf("s10e24_seg01_clip_00")).isEqualTo("s10e24");
        assertThat(TvrTvqaPlusDataset.episodeOf("odd")).isEqualTo("odd");
    }

    @Test
    void labelBagsCountFramesPerGridClip() {
        String clip = "s02e01_seg02_clip_11";
        List<SortedMap<String, Integer>> bags = data.labelBags(clip);
        assertThat(bags).hasSize(data.video(clip).grid().size());
        int framesWithRaj = 0;
        for (FrameDetections f : data.frames(clip)) {
            if (f.objects().stream().anyMatch(d -> d.label().equalsIgnoreCase("raj"))) {
                framesWithRaj++;
            }
        }
        assertThat(bags.stream().mapToInt(b -> b.getOrDefault("raj", 0)).sum()).isEqualTo(framesWithRaj).isPositive();
        assertThat(bags.get(0)).containsKeys("raj", "sheldon"); // the first frame, t = 0
        // 3 fps frames with boxes are ~16% of all frames, but they are spread every <= 2 s, so about
        // half of the 1.5 s grid clips hold one
        long frames = data.corpus().stream().mapToLong(v -> data.frames(v).size()).sum();
        double seconds = data.videos().values().stream().mapToDouble(Video::duration).sum();
        assertThat(frames / (seconds * 3)).isBetween(0.15, 0.18);
        long annotated = data.corpus().stream().flatMap(v -> data.labelBags(v).stream()).filter(b -> !b.isEmpty()).count();
        long all = data.corpus().stream().mapToLong(v -> data.video(v).grid().size()).sum();
        assertThat((double) annotated / all).isBetween(0.5, 0.6);
        assertThat(data.normalizedLabels()).contains("sheldon", "couch").doesNotContain("Sheldon");
    }

    @Test
    void rejectsQueriesWithoutBoxesAndClipsWithoutDuration() throws IOException {
        Path boxes = Files.writeString(dir.resolve("boxes.json"),
                "[{\"vid_name\": \"s01e01_seg01_clip_00\", \"bbox\": {\"1\": []}}]");
        String good = query("s01e01_seg01_clip_00", 30.0, 1) + "\n";
        assertThat(TvrTvqaPlusDataset.load(write("ok.jsonl", good), boxes).videos()).hasSize(1);

        DataFormatException noBoxes = catchThrowableOfType(DataFormatException.class, () -> TvrTvqaPlusDataset.load(
                write("q1.jsonl", good + query("s01e01_seg01_clip_01", 30.0, 2)), boxes));
        assertThat(noBoxes.field()).isEqualTo("vid_name");
        assertThat(noBoxes.location()).isEqualTo("desc_id 2");

        DataFormatException disagree = catchThrowableOfType(DataFormatException.class, () -> TvrTvqaPlusDataset.load(
                write("q2.jsonl", good + query("s01e01_seg01_clip_00", 31.0, 3)), boxes));
        assertThat(disagree.field()).isEqualTo("duration");

        Path twoClips = Files.writeString(dir.resolve("boxes2.json"), "[{\"vid_name\": \"s01e01_seg01_clip_00\", \"bbox\": {}},"
                + " {\"vid_name\": \"s01e01_seg01_clip_09\", \"bbox\": {}}]");
        DataFormatException noDuration = catchThrowableOfType(DataFormatException.class,
                () -> TvrTvqaPlusDataset.load(write("q3.jsonl", good), twoClips));
        assertThat(noDuration.getMessage()).contains("s01e01_seg01_clip_09");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String query(String clip, double duration, int id) {
        return "{\"vid_name\": \"" + clip + "\", \"duration\": " + duration + ", \"ts\": [1, 2], \"desc\": \"x\", "
                + "\"type\": \"v\", \"desc_id\": " + id + "}";
    }

    @Test
    void foldsPartitionEpisodes() {
        List<EpisodeFold> folds = EpisodeFolds.split(data.queries());
        assertThat(folds).hasSize(5);
        Set<String> seen = new HashSet<>();
        int tested = 0;
        for (EpisodeFold f : folds) {
            for (String e : f.testEpisodes()) {
                assertThat(seen.add(e)).as("episode %s in two folds", e).isTrue();
            }
            assertThat(f.train().size() + f.test().size()).isEqualTo(1_015);
            Set<String> trainEpisodes = f.train().stream().map(q -> TvrTvqaPlusDataset.episodeOf(q.videoId())).collect(Collectors.toSet());
            Set<String> testEpisodes = f.test().stream().map(q -> TvrTvqaPlusDataset.episodeOf(q.videoId())).collect(Collectors.toSet());
            assertThat(trainEpisodes).doesNotContainAnyElementsOf(testEpisodes);
            assertThat(testEpisodes).isEqualTo(f.testEpisodes());
            assertThat(f.test().size()).isBetween(1_015 / 5 - 20, 1_015 / 5 + 20); // balanced in queries
            tested += f.test().size();
        }
        assertThat(seen).isEqualTo(data.episodes());
        assertThat(tested).isEqualTo(1_015);

        assertThat(EpisodeFolds.split(data.queries(), 5, EpisodeFolds.DEFAULT_SEED)).isEqualTo(folds);
        assertThat(EpisodeFolds.split(data.queries(), 5, 1L).get(0).testEpisodes()).isNotEqualTo(folds.get(0).testEpisodes());
        assertThat(EpisodeFolds.split(data.queries(), 3, 1L)).hasSize(3);
    }

    @Test
    void foldCountMustFitTheEpisodes() {
        List<Query> two = data.queries().stream().filter(q -> q.videoId().startsWith("s01e01") || q.videoId().startsWith("s10e13"))
                .toList();
        assertThat(two.stream().map(q -> TvrTvqaPlusDataset.episodeOf(q.videoId())).distinct().count()).isEqualTo(2);
        assertThat(EpisodeFolds.split(two, 2, 0L)).hasSize(2);
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> EpisodeFolds.split(two, 3, 0L)))
                .hasMessageContaining("k = 3");
    }
}
