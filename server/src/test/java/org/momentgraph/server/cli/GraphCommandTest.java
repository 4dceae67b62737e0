package org.momentgraph.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.eval.data.DetectionsJsonl;
import org.momentgraph.graph.track.SyntheticScene;

class GraphCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void corpus() throws Exception {
        List<FrameDetections> frames = new ArrayList<>();
        frames.addAll(SyntheticScene.generate(new SyntheticScene.Spec("v1", 3, 6, 3, 0.03, 0.1, 0.1), 1).frames());
        frames.addAll(SyntheticScene.generate(new SyntheticScene.Spec("v2", 2, 6, 3, 0.03, 0.1, 0.1), 2).frames());
        DetectionsJsonl.write(dir.resolve("detections.jsonl"), frames);
        Files.writeString(dir.resolve("videos.jsonl"), """
                {"id": "v1", "duration": 6.0, "clip_length": 1.5, "split": "test"}
                {"id": "v2", "duration": 6.0, "clip_length": 2.0}
                """);
    }

    private int run(ByteArrayOutputStream err, String... args) {
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return MomentGraphCli.commandLine().execute(args);
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void exportsTheVideoGraphAsNodeLinkJson() throws Exception {
        Path out = dir.resolve("v1.json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "graph", "--video", "v1", "--data", dir.toString(), "--format", "json",
                "--out", out.toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("graph").get("video").asText()).isEqualTo("v1");
        assertThat(json.get("nodes").size()).isGreaterThanOrEqualTo(3 * 4 - 2); // 3 tracks x 4 clips
        assertThat(json.get("links").size()).isPositive();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("3 tracks");
    }

    @Test
    void exportsTheMatchedMultimodalGraphOfAQueryAndAClip() throws Exception {
        Path out = dir.resolve("c1.graphml");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "graph", "--video", "v2", "--data", dir.toString(), "--clip", "1", "--format", "graphml",
                "--out", out.toString(), "--query", "the man walks to the couch")).isZero();
        assertThat(Files.readString(out)).contains("<graphml", "_c1\"", "query_entity", "query_predicate", "walk to")
                .doesNotContain("_c0\"");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("matched clip 1", "presence matching: no --model");
        assertThat(run(err, "graph", "--video", "v2", "--data", dir.toString(), "--model", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--model needs --query");
    }

    @Test
    void unknownVideosFormatsAndClipsFailWithAMessage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "graph", "--video", "nope", "--data", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'nope' is not in");
        assertThat(run(err, "graph", "--video", "v1", "--data", dir.toString(), "--format", "gif")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown graph format");
        assertThat(run(err, "graph", "--video", "v1", "--data", dir.toString(), "--clip", "9")).isEqualTo(2);
        assertThat(run(err, "graph", "--video", "v1", "--data", dir.resolve("missing").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("videos.jsonl not found");
    }

    @Test
    void aBadVideosRecordNamesFileLineAndField() throws Exception {
        Files.writeString(dir.resolve("videos.jsonl"), "{\"id\": \"v1\", \"duration\": \"long\", \"clip_length\": 1.5}\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "graph", "--video", "v1", "--data", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("videos.jsonl", "line 1", "duration");
    }
}
