package org.momentgraph.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.server.demo.DemoPreparer;
import org.momentgraph.server.testing.GeneratedVideos;
import org.momentgraph.server.testing.TinyDemo;

/** The facade on the tiny demo corpus and model: search, localize, corpus changes, graphs, concurrency. */
class MomentGraphTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path tmp;

    private static MomentGraph openDemo() {
        DemoPreparer.Prepared p = TinyDemo.prepared();
        return MomentGraph.open(p.modelDir(), p.corpusDir(), 2, QUIET);
    }

    private MomentGraph openFresh(Path corpus, ByteArrayOutputStream log) {
        return MomentGraph.open(TinyDemo.prepared().modelDir(), corpus, 2, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void searchReturnsRankedMomentsInsideTheirVideosWithExplanations() {
        try (MomentGraph mg = openDemo()) {
            Map<String, VideoInfo> videos = mg.listVideos(0, 100).items().stream()
                    .collect(Collectors.toMap(VideoInfo::id, v -> v));
            List<SearchHit> hits = mg.search("a person picks up the cup", 20);
            assertThat(hits).hasSize(20);
            assertThat(hits).isSortedAccordingTo(Comparator.comparingDouble(SearchHit::score).reversed());
            for (SearchHit h : hits) {
                VideoInfo v = videos.get(h.video());
                assertThat(v).isNotNull();
                assertThat(h.start()).isGreaterThanOrEqualTo(0).isLessThan(h.end());
                assertThat(h.end()).isLessThanOrEqualTo(v.duration() + 1e-9);
                assertThat(h.score()).isBetween(0.0, 1.0);
                assertThat(h.vrScore()).isFinite();
            }
            assertThat(hits).anySatisfy(h -> assertThat(h.explanation().matches()).isNotEmpty());
            assertThat(mg.info().corpusSize()).isEqualTo(20);
            assertThat(mg.info().model()).contains("synthetic videos=20").contains("visual+graph");
        }
    }

    @Test
    void localizeStaysInTheVideoAndRejectsBadInput() {
        try (MomentGraph mg = openDemo()) {
            VideoInfo v = mg.listVideos(3, 1).items().get(0);
            List<SearchHit> hits = mg.localize(v.id(), "someone opens the door", 5);
            assertThat(hits).isNotEmpty().hasSizeLessThanOrEqualTo(5);
            assertThat(hits).allSatisfy(h -> {
                assertThat(h.video()).isEqualTo(v.id());
                assertThat(h.start()).isGreaterThanOrEqualTo(0).isLessThan(h.end());
                assertThat(h.end()).isLessThanOrEqualTo(v.duration() + 1e-9);
            });
            assertThat(hits.stream().mapToDouble(SearchHit::vrScore).distinct().count()).isEqualTo(1);
            assertThatThrownBy(() -> mg.localize("no_such_video", "a cup", 3)).isInstanceOf(UnknownVideoException.class);
            assertThatThrownBy(() -> mg.search(" ", 3)).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> mg.search("a cup", 101)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void addedAndRemovedVideosPersistAcrossReopenAndALostIndexIsRebuilt() throws Exception {
        Path corpus = tmp.resolve("corpus");
        List<NewVideo> videos = GeneratedVideos.first(3, "cam");
        try (MomentGraph mg = openFresh(corpus, new ByteArrayOutputStream())) {
            videos.forEach(mg::addVideo);
            assertThatThrownBy(() -> mg.addVideo(videos.get(0))).isInstanceOf(VideoExistsException.class);
            float[][] narrow = new float[videos.get(0).clips()][3];
            assertThatThrownBy(() -> mg.addVideo(new NewVideo("narrow", videos.get(0).duration(), 2.0, narrow, null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("expects");
            assertThat(mg.removeVideo("cam1")).isTrue();
            assertThat(mg.removeVideo("cam1")).isFalse();
            assertThat(mg.search("a person holds a cup", 5)).extracting(SearchHit::video).isSubsetOf("cam0", "cam2");
        }
        try (MomentGraph mg = openFresh(corpus, new ByteArrayOutputStream())) {
            assertThat(mg.listVideos(0, 10).items()).extracting(VideoInfo::id).containsExactly("cam0", "cam2");
            assertThat(mg.localize("cam2", "a person holds a cup", 2)).isNotEmpty();
            assertThatThrownBy(() -> mg.localize("cam1", "a cup", 2)).isInstanceOf(UnknownVideoException.class);
        }
        // losing the derived index (a crash, a deleted folder) costs an encoding pass, never a video
        try (Stream<Path> walk = Files.walk(corpus.resolve("index"))) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (MomentGraph mg = openFresh(corpus, log)) {
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("encoding videos 2/2");
            assertThat(mg.search("a person holds a cup", 4)).extracting(SearchHit::video).isSubsetOf("cam0", "cam2");
        }
    }

    @Test
    void graphsParseInEveryFormat() throws Exception {
        try (MomentGraph mg = openDemo()) {
            String id = mg.listVideos(0, 1).items().get(0).id();
            JsonNode video = JSON.readTree(mg.videoGraph(id, "json"));
            assertThat(video.get("nodes")).isNotEmpty();
            assertThat(video.get("links")).isNotEmpty().allSatisfy(l -> assertThat(l.get("relation").asText()).isNotBlank());
            var graphml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(mg.videoGraph(id, "graphml").getBytes(StandardCharsets.UTF_8)));
            assertThat(graphml.getDocumentElement().getTagName()).isEqualTo("graphml");
            assertThat(graphml.getElementsByTagName("node").getLength()).isEqualTo(video.get("nodes").size());
            assertThat(mg.videoGraph(id, "dot")).contains("digraph").contains("->");

            JsonNode query = JSON.readTree(mg.queryGraph("a person picks up the cup", Optional.empty(), "json"));
            List<String> kinds = new ArrayList<>();
            query.get("nodes").forEach(n -> kinds.add(n.get("kind").asText()));
            assertThat(kinds).contains("query_entity", "query_predicate").doesNotContain("object");

            JsonNode matched = JSON.readTree(mg.queryGraph("a person picks up the cup", Optional.of(id), "json"));
            List<String> matchedKinds = new ArrayList<>();
            matched.get("nodes").forEach(n -> matchedKinds.add(n.get("kind").asText()));
            assertThat(matchedKinds).contains("query_entity", "object");
            assertThat(matched.get("links")).anySatisfy(l -> assertThat(l.get("kind").asText()).isEqualTo("match"));

            assertThatThrownBy(() -> mg.videoGraph(id, "svg")).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> mg.videoGraph("nope", "json")).isInstanceOf(UnknownVideoException.class);
        }
    }

    @Test
    void concurrentSearchesAndAddsAreAllAnsweredAndPersisted() throws Exception {
        Path corpus = tmp.resolve("concurrent");
        List<NewVideo> videos = GeneratedVideos.first(8, "v");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (MomentGraph mg = openFresh(corpus, new ByteArrayOutputStream())) {
            for (int i = 0; i < 4; i++) {
                mg.addVideo(videos.get(i));
            }
            List<Future<List<SearchHit>>> searches = new ArrayList<>();
            List<Future<VideoInfo>> adds = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                searches.add(pool.submit(() -> mg.search("a person puts down the box", 5)));
                if (i % 4 == 0) {
                    NewVideo v = videos.get(4 + i / 4);
                    adds.add(pool.submit(() -> mg.addVideo(v)));
                }
            }
            for (Future<List<SearchHit>> s : searches) {
                assertThat(s.get()).hasSize(5).allSatisfy(h -> assertThat(h.end()).isGreaterThan(h.start()));
            }
            for (Future<VideoInfo> a : adds) {
                assertThat(a.get().clips()).isPositive();
            }
            assertThat(mg.info().corpusSize()).isEqualTo(8);
        } finally {
            pool.shutdownNow();
        }
        try (MomentGraph mg = openFresh(corpus, new ByteArrayOutputStream())) {
            assertThat(mg.listVideos(0, 100).total()).isEqualTo(8);
        }
    }
}
