package org.momentgraph.eval.data;

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
import org.momentgraph.domain.Span;

class QvhighlightsJsonlTest {

    @TempDir
    Path dir;

    @Test
    void readsTheRealValidationSplit() {
        List<QvhighlightsJsonl.Annotation> val = QvhighlightsJsonl.read(SharedData.file("qvhighlights/highlight_val_release.jsonl"));
        assertThat(val).hasSize(1550);
        QvhighlightsJsonl.Annotation first = val.get(0);
        assertThat(first.query().id()).isEqualTo("2579");
        assertThat(first.query().videoId()).isEqualTo("NUsG9BgSes0_210.0_360.0");
        assertThat(first.query().duration()).isEqualTo(150.0);
        assertThat(first.relevantClipIds()).hasSize(34).startsWith(41, 42);
        assertThat(first.saliencyScores().get(0)).containsExactly(1, 1, 2);
        assertThat(val).allSatisfy(a -> {
            assertThat(a.labelled()).isTrue();
            assertThat(a.query().spans()).isNotEmpty();
            assertThat(a.saliencyScores()).hasSameSizeAs(a.relevantClipIds());
        });
    }

    @Test
    void testSplitRecordsHaveNoLabels() throws IOException {
        Path f = dir.resolve("test.jsonl");
        Files.writeString(f, "{\"qid\": 9, \"query\": \"q\", \"duration\": 150, \"vid\": \"v_0.0_150.0\"}\n");
        QvhighlightsJsonl.Annotation a = QvhighlightsJsonl.read(f).get(0);
        assertThat(a.labelled()).isFalse();
        assertThat(a.query().spans()).isEmpty();
        assertThat(a.relevantClipIds()).isEmpty();
    }

    @Test
    void multipleWindowsBecomeSpans() throws IOException {
        Path f = dir.resolve("two.jsonl");
        Files.writeString(f, "{\"qid\": 1, \"query\": \"q\", \"duration\": 150, \"vid\": \"v\", \"relevant_windows\": "
                + "[[0, 4], [10.5, 12]], \"relevant_clip_ids\": [0, 1, 5], \"saliency_scores\": [[1,2,3],[4,4,4],[0,0,1]]}\n");
        assertThat(QvhighlightsJsonl.readQueries(f).get(0).spans()).containsExactly(new Span(0, 4), new Span(10.5, 12));
    }

    @Test
    void badRecordsNameLineAndField() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"qid\": 1, \"query\": \"q\", \"duration\": 150, \"vid\": \"v\", \"relevant_windows\": [[0, 4]], "
                + "\"relevant_clip_ids\": [0, 1], \"saliency_scores\": [[1, 2, 3]]}\n");
        assertThatThrownBy(() -> QvhighlightsJsonl.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 1").hasMessageContaining("'saliency_scores'");
        Files.writeString(f, "\n{\"qid\": 1, \"query\": \"q\", \"vid\": \"v\"}\n");
        assertThatThrownBy(() -> QvhighlightsJsonl.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 2").hasMessageContaining("'duration'");
        Files.writeString(f, "{\"qid\": 1, \"query\": \"q\", \"duration\": 150, \"vid\": \"v\", \"relevant_windows\": [[5, 4]], "
                + "\"relevant_clip_ids\": [], \"saliency_scores\": []}\n");
        assertThatThrownBy(() -> QvhighlightsJsonl.read(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("'relevant_windows'");
    }
}
