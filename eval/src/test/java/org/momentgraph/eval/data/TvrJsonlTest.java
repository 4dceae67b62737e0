package org.momentgraph.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.SharedData;
import org.momentgraph.domain.Span;

class TvrJsonlTest {

    private static final String GOOD = "{\"vid_name\": \"s01e02_seg02_clip_12\", \"duration\": 61.46, \"ts\": [16.48, 33.87], "
            + "\"desc\": \"Leonard opens the door.\", \"type\": \"v\", \"desc_id\": 90200}";

    @TempDir
    Path dir;

    @Test
    void readsTheRealDevelopmentQueries() {
        List<Query> queries = TvrJsonl.read(SharedData.file("tvr_tvqaplus/tvr_dev_queries.jsonl"));

        assertThat(queries).hasSize(1015);
        assertThat(queries.stream().map(Query::videoId).distinct()).hasSize(203);
        assertThat(queries.stream().map(Query::id).distinct()).hasSize(1015);
        Query first = queries.get(0);
        assertThat(first.id()).isEqualTo("92854");
        assertThat(first.videoId()).isEqualTo("s02e05_seg02_clip_13");
        assertThat(first.duration()).isEqualTo(58.55);
        assertThat(first.span()).isEqualTo(new Span(28.72, 31.33));
        assertThat(first.text()).isEqualTo("Sheldon sits down in his spot on the couch. ");
        assertThat(first.type()).isEqualTo("v");
        assertThat(first.attributes()).isEmpty();
        assertThat(queries.stream().map(Query::type).collect(Collectors.toSet())).containsExactlyInAnyOrder("v", "t", "vt");
    }

    @Test
    void keepsExtraStringFieldsAsAttributesAndIgnoresOtherExtras() throws IOException {
        Path file = write("{\"vid_name\": \"a\", \"duration\": 10, \"ts\": [1, 2], \"desc\": \"x\", \"type\": \"v\", "
                + "\"desc_id\": \"syn-7\", \"difficulty\": \"hard\", \"n_objects\": 3}\n\n");

        Query query = TvrJsonl.read(file).get(0);

        assertThat(query.id()).isEqualTo("syn-7");
        assertThat(query.attributes()).isEqualTo(Map.of("difficulty", "hard"));
    }

    @Test
    void roundTripsThroughWrite() {
        List<Query> queries = List.of(
                new Query("90200", "Leonard opens the door.", "s01e02_seg02_clip_12", 61.46, List.of(new Span(16.48, 33.87)), "v"),
                new Query("syn-00012", "the cup moves left of the laptop", "syn_video_3", 30.0, List.of(new Span(0, 4.5)), "v",
                        Map.of("difficulty", "hard", "relation", "left_of")),
                new Query("007", "an id with leading zeros stays a string", "v", 5, List.of(new Span(1, 1)), ""));
        Path file = dir.resolve("out/queries.jsonl");

        TvrJsonl.write(file, queries);

        assertThat(TvrJsonl.read(file)).isEqualTo(queries);
    }

    @Test
    void writesNumericIdsAsJsonNumbers() throws IOException {
        Path file = dir.resolve("q.jsonl");
        TvrJsonl.write(file, List.of(new Query("90200", "t", "v", 1, List.of(new Span(0, 1)), "v")));

        assertThat(Files.readString(file)).contains("\"desc_id\":90200").endsWith("}\n");
    }

    @Test
    void refusesToWriteWhatTvrCannotHoldAndKeepsTheOldFile() throws IOException {
        Path file = write(GOOD + "\n");
        Query twoSpans = new Query("1", "t", "v", 10, List.of(new Span(0, 1), new Span(2, 3)), "v");
        Query noDuration = new Query("2", "t", "v", Double.NaN, List.of(new Span(0, 1)), "v");
        Query clash = new Query("3", "t", "v", 10, List.of(new Span(0, 1)), "v", Map.of("ts", "x"));

        for (Query bad : List.of(twoSpans, noDuration, clash)) {
            assertThatThrownBy(() -> TvrJsonl.write(file, List.of(bad))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(Files.readString(file)).isEqualTo(GOOD + "\n");
    }

    @Test
    void reportsTruncatedAndMalformedLines() throws IOException {
        DataFormatException truncated = failure(GOOD + "\n" + GOOD.substring(0, 60));
        assertThat(truncated.location()).isEqualTo("line 2");
        assertThat(truncated.field()).isNull();
        assertThat(truncated.getMessage()).contains("malformed JSON");

        DataFormatException trailing = failure(GOOD + " 42\n");
        assertThat(trailing.location()).isEqualTo("line 1");

        DataFormatException notAnObject = failure("\n\n[1, 2]\n");
        assertThat(notAnObject.location()).isEqualTo("line 3");
        assertThat(notAnObject.getMessage()).contains("expected an object, got array of 2 elements");
    }

    @Test
    void reportsMissingAndWronglyTypedFields() throws IOException {
        assertBad(GOOD.replace("\"vid_name\": \"s01e02_seg02_clip_12\", ", ""), "vid_name", "missing");
        assertBad(GOOD.replace("61.46", "\"abc\""), "duration", "expected a number, got string \"abc\"");
        assertBad(GOOD.replace("[16.48, 33.87]", "[16.48]"), "ts", "expected an array of 2 numbers, got 1 elements");
        assertBad(GOOD.replace("[16.48, 33.87]", "[16.48, \"x\"]"), "ts[1]", "expected a number, got string \"x\"");
        assertBad(GOOD.replace("[16.48, 33.87]", "[33.87, 16.48]"), "ts", "0 <= start <= end");
        assertBad(GOOD.replace("\"Leonard opens the door.\"", "null"), "desc", "expected a value, got null");
        assertBad(GOOD.replace("\"v\"", "3"), "type", "expected a string, got number 3");
        assertBad(GOOD.replace("90200", "1.5"), "desc_id", "expected an integer or a non-blank string, got number 1.5");
        assertBad(GOOD + "\n" + GOOD, "desc_id", "duplicate desc_id 90200 (first on line 1)");
    }

    private void assertBad(String content, String field, String problem) {
        DataFormatException e = failure(content);
        assertThat(e.location()).startsWith("line ");
        BadFiles.assertNames(e, dir.resolve("queries.jsonl"), field, problem);
    }

    private DataFormatException failure(String content) {
        return BadFiles.failure(dir.resolve("queries.jsonl"), content, TvrJsonl::read);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("queries.jsonl"), content);
    }
}
