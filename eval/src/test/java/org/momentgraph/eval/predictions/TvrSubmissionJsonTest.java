package org.momentgraph.eval.predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Moment;

class TvrSubmissionJsonTest {

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        Path f = dir.resolve("sub.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void readsTheOfficialLayoutWithVideo2idxLast() throws IOException {
        TvrSubmission s = TvrSubmissionJson.read(file("""
                {"VCMR": [{"desc_id": 90200, "desc": "a", "predictions": [[1, 2.5, 7.0, 0.9], [0, 1, 2, 0.1]]}],
                 "VR": [{"desc_id": 90200, "desc": "a", "predictions": [[0, 0, 0], [1, 0, 0, 0.2, "extra"]]}],
                 "video2idx": {"clip_a": 0, "clip_b": 1}}"""));
        assertThat(s.has(TvrTask.SVMR)).isFalse();
        RankedMoments q = s.predictions(TvrTask.VCMR).get(0);
        assertThat(q.queryId()).isEqualTo("90200");
        assertThat(q.moments()).containsExactly(new Moment("clip_b", 2.5, 7.0, 0.9), new Moment("clip_a", 1, 2, 0.1));
        assertThat(s.predictions(TvrTask.VR).get(0).moments().get(0).score()).isNaN();
    }

    @Test
    void writesAtomicallyAndReadsBackTheSame() {
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        tasks.put(TvrTask.SVMR, List.of(new RankedMoments("7", "q", List.of(new Moment("x", 1.25, 3, 0.5)))));
        tasks.put(TvrTask.VCMR, List.of(new RankedMoments("q-8", "r", List.of(new Moment("y", 0, 1, 1),
                new Moment("x", 2, 4, Double.NaN)))));
        TvrSubmission s = TvrSubmission.of(tasks);
        Path f = dir.resolve("out/sub.json");
        TvrSubmissionJson.write(f, s);
        assertThat(TvrSubmissionJson.read(f)).isEqualTo(s);
        assertThat(s.video2idx()).containsExactly(Map.entry("y", 0), Map.entry("x", 1));
        try (var files = java.util.stream.Stream.of(dir.resolve("out").toFile().list())) {
            assertThat(files.toList()).containsExactly("sub.json"); // no temp file left behind
        }
    }

    @Test
    void badRecordsNameTheirJsonPathAndField() throws IOException {
        assertThatThrownBy(() -> TvrSubmissionJson.read(file("{\"VCMR\": []}")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("video2idx");
        assertThatThrownBy(() -> TvrSubmissionJson.read(file(
                "{\"SVMR\": [{\"desc_id\": 1, \"predictions\": [[0, 1, 2], [0, 1]]}], \"video2idx\": {\"a\": 0}}")))
                .isInstanceOf(DataFormatException.class)
                .satisfies(e -> assertThat(((DataFormatException) e).location()).isEqualTo("$.SVMR[0].predictions[1]"))
                .hasMessageContaining("at least [video_idx, st, ed]");
        assertThatThrownBy(() -> TvrSubmissionJson.read(file(
                "{\"VR\": [{\"desc_id\": 1, \"predictions\": [[5, 0, 0]]}], \"video2idx\": {\"a\": 0}}")))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.VR[0].predictions[0][0]").hasMessageContaining("video index 5");
        assertThatThrownBy(() -> TvrSubmissionJson.read(file(
                "{\"VR\": [{\"desc\": \"no id\", \"predictions\": []}], \"video2idx\": {}}")))
                .isInstanceOf(DataFormatException.class)
                .satisfies(e -> assertThat(((DataFormatException) e).field()).isEqualTo("desc_id"));
        assertThatThrownBy(() -> TvrSubmissionJson.read(file("{\"VR\": [{\"desc_id\": 1, ")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> TvrSubmissionJson.read(file("{\"video2idx\": {\"a\": 0, \"b\": 0}}")))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("also given to 'a'");
    }
}
