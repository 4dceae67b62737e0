package org.momentgraph.eval.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.SharedData;

class TacosJsonTest {

    private static final String VIDEO = "{\"timestamps\": [[141, 354], [361, 732]], \"sentences\": [\"She took out kiwi\", "
            + "\"She washed it\"], \"fps\": 29.4, \"num_frames\": 7346}";

    @TempDir
    Path dir;

    @Test
    void readsTheRealSplits() {
        List<Query> train = TacosJson.read(SharedData.file("tacos/train.json"));
        List<Query> val = TacosJson.read(SharedData.file("tacos/val.json"));
        List<Query> test = TacosJson.read(SharedData.file("tacos/test.json"));

        assertThat(train).hasSize(9_790);
        assertThat(val).hasSize(4_436);
        assertThat(test).hasSize(4_001);
        assertThat(train.stream().map(Query::videoId).distinct()).hasSize(75);
        assertThat(val.stream().map(Query::videoId).distinct()).hasSize(27);
        assertThat(test.stream().map(Query::videoId).distinct()).hasSize(25);

        Query first = test.get(0);
        assertThat(first.id()).isEqualTo("s30-d52.avi:0");
        assertThat(first.videoId()).isEqualTo("s30-d52.avi");
        assertThat(first.text()).isEqualTo("She took out kiwi");
        assertThat(first.duration()).isEqualTo(7346 / 29.4);
        assertThat(first.span().start()).isEqualTo(141 / 29.4);
        assertThat(first.span().end()).isEqualTo(354 / 29.4);
        // VSLNet clamps end frames past the video's last frame to its duration
        assertThat(train).anySatisfy(q -> assertThat(q.span().end()).isEqualTo(q.duration()));
        assertThat(train).allSatisfy(q -> assertThat(q.span().end()).isLessThanOrEqualTo(q.duration()));
    }

    @Test
    void convertsFramesToSeconds() throws IOException {
        Path file = Files.writeString(dir.resolve("mini.json"), "{\"a.avi\": " + VIDEO + ", \"b.avi\": {\"timestamps\": [[0, 30]], "
                + "\"sentences\": [\"x\"], \"fps\": 30, \"num_frames\": 20}}");

        List<Query> queries = TacosJson.read(file);

        assertThat(queries).extracting(Query::id).containsExactly("a.avi:0", "a.avi:1", "b.avi:0");
        assertThat(queries.get(1).span().start()).isEqualTo(361 / 29.4);
        assertThat(queries.get(2).duration()).isEqualTo(20 / 30.0);
        assertThat(queries.get(2).span().end()).isEqualTo(20 / 30.0);
    }

    @Test
    void reportsMalformedAndTruncatedJson() throws IOException {
        String good = "{\"a.avi\": " + VIDEO + ", ";
        DataFormatException truncated = failure(good + "\"s30-d52.avi\": " + VIDEO.substring(0, 40));
        assertThat(truncated.location()).isEqualTo("$[\"s30-d52.avi\"]");
        assertThat(truncated.getMessage()).contains("malformed JSON at line 1");

        DataFormatException cutAfterRecord = failure(good.substring(0, good.length() - 2));
        assertThat(cutAfterRecord.location()).isEqualTo("$");

        DataFormatException notAnObject = failure("[" + VIDEO + "]");
        assertThat(notAnObject.location()).isEqualTo("$");
        assertThat(notAnObject.getMessage()).contains("expected a top-level object, got [");

        DataFormatException empty = failure("");
        assertThat(empty.getMessage()).contains("an empty file");

        DataFormatException trailing = failure("{\"a.avi\": " + VIDEO + "} {}");
        assertThat(trailing.getMessage()).contains("unexpected content after the top-level object");
    }

    @Test
    void reportsMissingAndWronglyTypedFieldsAtTheirJsonPath() throws IOException {
        assertBad(VIDEO.replace("\"sentences\": [\"She took out kiwi\", ", "\"sentences\": ["), "timestamps",
                "expected as many timestamps as sentences, got 2 timestamps and 1 sentences");
        assertBad(VIDEO.replace("\"fps\": 29.4, ", ""), "fps", "missing");
        assertBad(VIDEO.replace("29.4", "\"29.4\""), "fps", "expected a number, got string \"29.4\"");
        assertBad(VIDEO.replace("29.4", "0"), "fps", "expected a number > 0");
        assertBad(VIDEO.replace("7346", "null"), "num_frames", "expected a value, got null");
        assertBad(VIDEO.replace("[[141, 354], [361, 732]]", "{}"), "timestamps", "expected an array, got object");
        assertBad(VIDEO.replace("[361, 732]", "[361]"), "timestamps[1]", "expected [start frame, end frame], got array of 1 element");
        assertBad(VIDEO.replace("[361, 732]", "[361, \"abc\"]"), "timestamps[1][1]", "expected a number, got string \"abc\"");
        assertBad(VIDEO.replace("[361, 732]", "[732, 361]"), "timestamps[1]", "start frame <= end frame");
        assertBad(VIDEO.replace("\"She washed it\"", "5"), "sentences[1]", "expected a non-blank string, got number 5");
    }

    private void assertBad(String video, String field, String problem) {
        DataFormatException e = failure("{\"a.avi\": " + VIDEO + ", \"s30-d52.avi\": " + video + "}");
        assertThat(e.location()).isEqualTo("$[\"s30-d52.avi\"]" + (field.startsWith("[") ? "" : ".") + field);
        BadFiles.assertNames(e, dir.resolve("tacos.json"), field, problem);
    }

    private DataFormatException failure(String content) {
        return BadFiles.failure(dir.resolve("tacos.json"), content, TacosJson::read);
    }
}
