package org.momentgraph.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.SharedData;
import org.momentgraph.eval.data.QvhighlightsJsonl;
import org.momentgraph.eval.predictions.QvhPredictionsJsonl;

/**
 * Golden test: Moment-DETR's reference predictions on QVHighlights val, scored by our evaluator,
 * reproduce what the official evaluator printed for them (sample_val_preds_metrics_raw.json).
 */
class QvhEvaluatorGoldenTest {

    private static JsonNode expected;
    private static JsonNode actual;

    @BeforeAll
    static void evaluate() throws IOException {
        Path dir = SharedData.file("qvhighlights");
        expected = new ObjectMapper().readTree(dir.resolve("sample_val_preds_metrics_raw.json").toFile());
        QvhReport report = QvhEvaluator.evaluate(
                QvhighlightsJsonl.read(dir.resolve("highlight_val_release.jsonl")),
                QvhPredictionsJsonl.read(dir.resolve("sample_val_preds.jsonl")));
        actual = report.toJson();
    }

    @Test
    void everyBriefValueMatchesTheOfficialPrintout() {
        JsonNode brief = expected.get("brief");
        assertThat(brief.size()).isEqualTo(14);
        assertSameNumbers("brief", brief, actual.get("brief"));
        // same keys in the same order as eval.py prints them
        assertThat(fieldNames(actual.get("brief"))).isEqualTo(fieldNames(brief));
    }

    @Test
    void fullAndBucketTablesMatchTheOfficialPrintout() {
        for (String bucket : new String[] {"full", "long", "middle", "short"}) {
            assertSameNumbers(bucket + ".MR-mAP", expected.get(bucket).get("MR-mAP"), actual.get(bucket).get("MR-mAP"));
            assertSameNumbers(bucket + ".MR-R1", expected.get(bucket).get("MR-R1"), actual.get(bucket).get("MR-R1"));
        }
        for (String level : new String[] {"HL-min-Fair", "HL-min-Good", "HL-min-VeryGood"}) {
            assertSameNumbers(level, expected.get(level), actual.get(level));
        }
    }

    @Test
    void wholePrintoutHasTheOfficialShapeAndText() {
        assertThat(fieldNames(actual)).isEqualTo(fieldNames(expected));
        // numbers print as Python prints them ("32.2", not "32.20" or "32.199999")
        assertThat(actual.get("brief").get("MR-full-mAP").toString()).isEqualTo("32.2");
        assertThat(actual.get("short").get("MR-R1").get("0.85").toString()).isEqualTo("0.0");
    }

    private static void assertSameNumbers(String where, JsonNode want, JsonNode got) {
        assertThat(got).as(where).isNotNull();
        for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            assertThat(got.get(e.getKey())).as(where + "." + e.getKey()).isNotNull();
            assertThat(got.get(e.getKey()).doubleValue()).as(where + "." + e.getKey()).isEqualTo(e.getValue().doubleValue());
        }
        assertThat(got.size()).as(where + " key count").isEqualTo(want.size());
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
