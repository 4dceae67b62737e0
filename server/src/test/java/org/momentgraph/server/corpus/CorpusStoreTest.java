package org.momentgraph.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.server.NewVideo;
import org.momentgraph.server.UnknownVideoException;
import org.momentgraph.server.VideoExistsException;
import org.momentgraph.server.VideoInfo;
import org.momentgraph.server.testing.Videos;

class CorpusStoreTest {

    @TempDir
    Path dir;

    @Test
    void addedVideosSurviveReopenWithFeaturesAndDetections() {
        NewVideo a = Videos.video("a", 9.0, "cup", "person");
        NewVideo b = Videos.video("b", 4.0, "dog");
        CorpusStore store = CorpusStore.open(dir);
        assertThat(store.add(a)).isEqualTo(new VideoInfo("a", 9.0, 2.0, 5, 4, 5));
        store.add(b);

        CorpusStore reopened = CorpusStore.open(dir);
        assertThat(reopened.all()).extracting(VideoInfo::id).containsExactly("a", "b");
        assertThat(reopened.features("a")).isDeepEqualTo(a.features());
        assertThat(reopened.detections("a")).isEqualTo(a.detections());
        assertThat(reopened.detections("b")).isEqualTo(b.detections());
    }

    @Test
    void listsPagesInInsertionOrder() {
        CorpusStore store = CorpusStore.open(dir);
        for (String id : List.of("v3", "v1", "v2", "v0")) {
            store.add(Videos.video(id, 3.0, "cup"));
        }
        var page = store.list(1, 2);
        assertThat(page.items()).extracting(VideoInfo::id).containsExactly("v1", "v2");
        assertThat(page.total()).isEqualTo(4);
        assertThat(store.list(3, 10).items()).extracting(VideoInfo::id).containsExactly("v0");
        assertThat(store.list(10, 10).items()).isEmpty();
    }

    @Test
    void removeDeletesTheVideoAndItsFiles() throws Exception {
        CorpusStore store = CorpusStore.open(dir);
        store.add(Videos.video("a", 3.0, "cup"));
        store.add(Videos.video("b", 3.0, "cup"));
        assertThat(store.remove("a")).isTrue();
        assertThat(store.remove("a")).isFalse();
        assertThat(CorpusStore.open(dir).all()).extracting(VideoInfo::id).containsExactly("b");
        assertThat(videoFiles()).allMatch(name -> name.startsWith("b."));
        assertThatThrownBy(() -> store.features("a")).isInstanceOf(UnknownVideoException.class);
    }

    @Test
    void duplicateIdsAreRefusedAndTheFirstVideoIsKept() {
        CorpusStore store = CorpusStore.open(dir);
        NewVideo first = Videos.video("a", 3.0, "cup");
        store.add(first);
        assertThatThrownBy(() -> store.add(Videos.video("a", 7.0, "dog"))).isInstanceOf(VideoExistsException.class);
        assertThat(CorpusStore.open(dir).features("a")).isDeepEqualTo(first.features());
    }

    @Test
    void crashBeforeTheManifestSwapLeavesTheLastCompleteState() throws Exception {
        CorpusStore store = CorpusStore.open(dir);
        store.add(Videos.video("kept", 3.0, "cup"));
        byte[] committed = Files.readAllBytes(dir.resolve(CorpusStore.MANIFEST));
        store.add(Videos.video("lost", 5.0, "dog"));
        // the crash: the new video's files are on disk, the manifest swap never happened,
        // and the next manifest was half written to its temporary file
        Files.write(dir.resolve(CorpusStore.MANIFEST), committed);
        Files.writeString(dir.resolve(".videos.jsonl12345.tmp"), "{\"id\": \"torn");
        Files.writeString(dir.resolve(CorpusStore.VIDEOS).resolve(".x.features.npy999.tmp"), "partial");

        CorpusStore reopened = CorpusStore.open(dir);
        assertThat(reopened.all()).extracting(VideoInfo::id).containsExactly("kept");
        assertThat(reopened.detections("kept")).hasSize(2);
        assertThat(videoFiles()).allMatch(name -> name.startsWith("kept."));
        try (Stream<Path> top = Files.list(dir)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("videos.jsonl", "videos");
        }
        // the id of the lost add is free again
        reopened.add(Videos.video("lost", 5.0, "dog"));
        assertThat(CorpusStore.open(dir).size()).isEqualTo(2);
    }

    @Test
    void concurrentAddsAllCommit() throws Exception {
        CorpusStore store = CorpusStore.open(dir);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String id = "v" + i;
                done.add(pool.submit(() -> store.add(Videos.video(id, 4.0, "cup"))));
                done.add(pool.submit(() -> store.list(0, 100)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        CorpusStore reopened = CorpusStore.open(dir);
        assertThat(reopened.size()).isEqualTo(32);
        assertThat(reopened.features("v17")).isDeepEqualTo(Videos.video("v17", 4.0, "cup").features());
    }

    @Test
    void aDamagedManifestIsReportedWithFileAndLine() throws Exception {
        CorpusStore.open(dir).add(Videos.video("a", 3.0, "cup"));
        Path manifest = dir.resolve(CorpusStore.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest) + "{\"id\": \"b\"}\n");
        assertThatThrownBy(() -> CorpusStore.open(dir))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("videos.jsonl:line 2")
                .hasMessageContaining("stamp");
    }

    private List<String> videoFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve(CorpusStore.VIDEOS))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
