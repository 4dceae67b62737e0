package org.momentgraph.graph.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jgrapht.Graph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.SharedData;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.relation.RelationType;

/** Video graphs of the real TVQA+ dev boxes (human-annotated characters and objects of TBBT clips). */
class TvqaPlusVideoGraphTest {

    private static Map<String, List<FrameDetections>> videos;
    private static final Map<String, VideoGraph> GRAPHS = new java.util.HashMap<>();

    @BeforeAll
    static void read() throws Exception {
        Path file = SharedData.file("tvr_tvqaplus/tvqa_plus_dev_boxes.json");
        assertThat(file).as("TVQA+ boxes in ../shared/data").exists();
        videos = TvqaPlusBoxesForTest.read(file);
    }

    private static VideoGraph graphOf(String vid) {
        return GRAPHS.computeIfAbsent(vid, TvqaPlusVideoGraphTest::build);
    }

    private static VideoGraph build(String vid) {
        List<FrameDetections> frames = videos.get(vid);
        double duration = frames.get(frames.size() - 1).t() + 1;
        return VideoGraphBuilder.builder().build().build(new Video(vid, duration, 1.5), frames);
    }

    @Test
    void everyVideoGivesAFiniteGraphWithNodesAndRelations() {
        assertThat(videos).hasSizeGreaterThan(150);
        int withEdges = 0;
        for (String vid : videos.keySet()) {
            VideoGraph vg = graphOf(vid);
            Graph<ObjectNode, RelationEdge> g = vg.graph();
            if (videos.get(vid).stream().anyMatch(f -> !f.objects().isEmpty())) {
                assertThat(g.vertexSet()).as(vid).isNotEmpty();
            }
            for (ObjectNode n : g.vertexSet()) {
                assertThat(List.of(n.meanBox().x1(), n.meanBox().y1(), n.meanBox().x2(), n.meanBox().y2(),
                        n.confidence())).as(n.id()).allMatch(Double::isFinite);
            }
            for (RelationEdge e : g.edgeSet()) {
                assertThat(e.score()).isFinite().isPositive().isLessThanOrEqualTo(1.0);
            }
            withEdges += g.edgeSet().isEmpty() ? 0 : 1;
        }
        assertThat(withEdges).isGreaterThan(videos.size() * 3 / 4);
    }

    @Test
    void sheldonTouchesTheCouchInSomeClip() {
        long clipsWithContact = 0;
        for (String vid : videos.keySet()) {
            for (ClipGraph clip : graphOf(vid).clips()) {
                Graph<ObjectNode, RelationEdge> g = clip.graph();
                clipsWithContact += g.edgeSet().stream().filter(e -> e.type() == RelationType.CONTACT)
                        .filter(e -> pair(g, e, "sheldon", "couch")).count();
            }
        }
        assertThat(clipsWithContact).isPositive();
    }

    @Test
    void tracksFollowCharactersAcrossTheTwoSecondAnnotationGaps() {
        // characters are annotated in frames 1, 7, 13, ... (every 2 s); a character in most frames is one track
        VideoGraph vg = graphOf("s02e01_seg02_clip_11");
        long sheldonTracks = vg.tracks().stream().filter(t -> t.label().equalsIgnoreCase("sheldon")).count();
        long sheldonFrames = videos.get("s02e01_seg02_clip_11").stream()
                .filter(f -> f.objects().stream().anyMatch(d -> d.label().equalsIgnoreCase("sheldon"))).count();
        assertThat(sheldonFrames).isGreaterThan(3);
        assertThat(sheldonTracks).isBetween(1L, sheldonFrames / 2);
        assertThat(vg.graph().edgeSet()).anyMatch(e -> e.type() == RelationType.SAME_TRACK);
    }

    private static boolean pair(Graph<ObjectNode, RelationEdge> g, RelationEdge e, String a, String b) {
        String s = g.getEdgeSource(e).label().toLowerCase(Locale.ROOT);
        String t = g.getEdgeTarget(e).label().toLowerCase(Locale.ROOT);
        return (s.equals(a) && t.equals(b)) || (s.equals(b) && t.equals(a));
    }
}
