package org.momentgraph.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.SharedData;

class MetricsCommandTest {

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    @Test
    void qvhighlightsPrintsTheOfficialNumbers() throws IOException {
        Path qvh = SharedData.file("qvhighlights");
        int code = cli.run("metrics", "qvhighlights", "--gt", qvh.resolve("highlight_val_release.jsonl").toString(),
                "--pred", qvh.resolve("sample_val_preds.jsonl").toString());
        assertThat(code).as(cli.err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out.toString());
        assertThat(json.get("brief").get("MR-full-mAP").doubleValue()).isEqualTo(32.2);
        assertThat(json.get("brief").get("HL-min-VeryGood-Hit1").doubleValue()).isEqualTo(55.55);
    }

    @Test
    void tvrPrintsEvalPyKeysAndTheConventions() throws IOException {
        Path gt = dir.resolve("gt.jsonl");
        Files.writeString(gt, """
                {"vid_name": "a", "duration": 60, "ts": [10, 20], "desc": "x", "type": "v", "desc_id": 1}
                {"vid_name": "b", "duration": 60, "ts": [0, 5], "desc": "y", "type": "t", "desc_id": 2}
                """);
        Path pred = dir.resolve("sub.json");
        Files.writeString(pred, """
                {"VCMR": [{"desc_id": 1, "desc": "x", "predictions": [[1, 10, 20, 0.9], [0, 10, 20, 0.8]]},
                          {"desc_id": 2, "desc": "y", "predictions": [[1, 0, 5, 0.9]]}],
                 "video2idx": {"a": 0, "b": 1}}""");
        int code = cli.run("metrics", "tvr", "--gt", gt.toString(), "--pred", pred.toString(), "--strict", "--nms", "0.5");
        assertThat(code).as(cli.err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out.toString());
        assertThat(json.get("VCMR").get("0.5-r1").doubleValue()).isEqualTo(50.0);
        assertThat(json.get("VCMR").get("0.7-r5").doubleValue()).isEqualTo(100.0);
        assertThat(json.get("VCMR_by_type").get("t-0.5-r1").doubleValue()).isEqualTo(100.0);
        assertThat(json.get("conventions").get("iou_match").asText()).isEqualTo(">");
        assertThat(json.get("conventions").get("nms_iou").doubleValue()).isEqualTo(0.5);
        assertThat(json.get("conventions").get("gt_end_beyond_duration").asText()).isEqualTo("kept");
    }

    @Test
    void aBadFileGivesOneLineNamingFileLineAndFieldAndExitCode2() throws IOException {
        Path pred = dir.resolve("bad.jsonl");
        Files.writeString(pred, "{\"qid\": 2579, \"pred_relevant_windows\": [[0, 2, 0.5]]}\n{\"qid\": 1, \"pred_relevant_windows\": 7}\n");
        int code = cli.run("metrics", "qvhighlights", "--gt",
                SharedData.file("qvhighlights/highlight_val_release.jsonl").toString(), "--pred", pred.toString());
        assertThat(code).isEqualTo(2);
        assertThat(cli.out.toString()).isEmpty();
        String message = cli.err.toString().strip();
        assertThat(message.lines()).hasSize(1);
        assertThat(message).contains("bad.jsonl").contains("line 2").contains("pred_relevant_windows").doesNotContain("Exception");
    }

    @Test
    void missingFilesAndMismatchedIdsAlsoExitWith2() throws IOException {
        assertThat(cli.run("metrics", "tvr", "--gt", dir.resolve("none.jsonl").toString(), "--pred", "x.json")).isEqualTo(2);
        assertThat(cli.err.toString().strip()).isEqualTo("momentgraph metrics: no such file: " + dir.resolve("none.jsonl"));
        Path gt = dir.resolve("gt.jsonl");
        Files.writeString(gt, "{\"vid_name\": \"a\", \"duration\": 60, \"ts\": [1, 2], \"desc\": \"x\", \"type\": \"v\", \"desc_id\": 1}\n");
        Path pred = dir.resolve("sub.json");
        Files.writeString(pred, "{\"SVMR\": [{\"desc_id\": 9, \"predictions\": []}], \"video2idx\": {}}");
        assertThat(cli.run("metrics", "tvr", "--gt", gt.toString(), "--pred", pred.toString())).isEqualTo(2);
        assertThat(cli.err.toString()).contains("query ids of predictions and ground truth differ");
    }
}
