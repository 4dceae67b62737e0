package org.momentgraph.eval.predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.SharedData;

class QvhPredictionsJsonlTest {

    @TempDir
    Path dir;

    @Test
    void realReferencePredictionsSurviveARoundTrip() {
        List<QvhPrediction> preds = QvhPredictionsJsonl.read(SharedData.file("qvhighlights/sample_val_preds.jsonl"));
        assertThat(preds).hasSize(1550); // 1549 newlines, the last line has none
        QvhPrediction first = preds.get(0);
        assertThat(first.qid()).isEqualTo("2579");
        assertThat(first.windows().get(0).start()).isEqualTo(0.0);
        assertThat(first.windows().get(0).end()).isEqualTo(70.0);
        assertThat(first.windows().get(0).score()).isEqualTo(0.9986);
        assertThat(first.saliency().get(0)).isEqualTo(-0.2452392578125);
        Path out = dir.resolve("preds.jsonl");
        QvhPredictionsJsonl.write(out, preds);
        assertThat(QvhPredictionsJsonl.read(out)).isEqualTo(preds);
    }

    @Test
    void missingOptionalFieldsStayAbsent() throws IOException {
        Path f = dir.resolve("hl.jsonl");
        Files.writeString(f, "{\"qid\": 1, \"vid\": \"v\", \"pred_saliency_scores\": [0.5, 1]}\n\n");
        QvhPrediction p = QvhPredictionsJsonl.read(f).get(0);
        assertThat(p.hasWindows()).isFalse();
        assertThat(p.saliency()).containsExactly(0.5, 1.0);
        QvhPredictionsJsonl.write(f, List.of(p));
        assertThat(Files.readString(f)).doesNotContain("pred_relevant_windows").contains("\"qid\":1");
    }

    @Test
    void badLinesNameLineAndField() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"qid\": 1, \"pred_relevant_windows\": [[0, 2, 0.1]]}\n"
                + "{\"qid\": 2, \"pred_relevant_windows\": [[0, 2]]}\n");
        assertThatThrownBy(() -> QvhPredictionsJsonl.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("pred_relevant_windows[0]");
        Files.writeString(f, "{\"query\": \"x\"}\n");
        assertThatThrownBy(() -> QvhPredictionsJsonl.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 1").hasMessageContaining("'qid'");
    }
}
