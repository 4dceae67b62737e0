package org.momentgraph.eval.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.SharedData;
import org.momentgraph.domain.Span;

class CharadesStaTest {

    @TempDir
    Path dir;

    @Test
    void readsTheRealTrainAndTestFiles() {
        List<Query> train = CharadesSta.read(SharedData.file("charades_sta/charades_sta_train.txt"));
        List<Query> test = CharadesSta.read(SharedData.file("charades_sta/charades_sta_test.txt"));

        assertThat(train).hasSize(12_408);
        assertThat(test).hasSize(3_720);
        assertThat(train.stream().map(Query::videoId).distinct()).hasSize(5_338);
        assertThat(test.stream().map(Query::videoId).distinct()).hasSize(1_334);
        assertThat(test.get(0)).isEqualTo(new Query("charades_sta_test:1", "person turn a light on.", "3MSZA", Double.NaN,
                List.of(new Span(24.3, 30.4)), ""));
        Query seventeenth = test.get(16);
        assertThat(seventeenth.id()).isEqualTo("charades_sta_test:17");
        assertThat(seventeenth.videoId()).isEqualTo("E6DLK");
        assertThat(seventeenth.span()).isEqualTo(new Span(3.1, 11.8));
        assertThat(train.get(train.size() - 1).text()).isEqualTo("person walks through the doorway.");
        assertThat(train.get(train.size() - 1).id()).isEqualTo("charades_sta_train:12408");
        assertThat(test).allSatisfy(q -> assertThat(q.duration()).isNaN());
    }

    @Test
    void takesDurationsFromATableAndSkipsBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("mini.txt"), "AAAAA 0 3.5##a person opens a door.\n\nBBBBB 1.25 2##someone laughs\n\n\n");

        List<Query> queries = CharadesSta.read(file, Map.of("AAAAA", 30.7));

        assertThat(queries).extracting(Query::id).containsExactly("mini:1", "mini:3");
        assertThat(queries.get(0).duration()).isEqualTo(30.7);
        assertThat(queries.get(1).duration()).isNaN();
        assertThat(queries.get(1).span()).isEqualTo(new Span(1.25, 2));
    }

    @Test
    void reportsBadLinesWithLineAndField() throws IOException {
        String good = "3MSZA 24.3 30.4##person turn a light on.\n";
        assertBad(good + "3MSZA 24.3 30.4 person turn a light on.\n", 2, "##", "found no '##'");
        assertBad(good + good + "3MSZA 24.3 30.4##person ## light\n", 3, "##", "expected one '##'");
        assertBad(good + "3MSZA 24.3##person turns.\n", 2, "end", "expected 'VIDEO START END'");
        assertBad(good + "##person turns.\n", 2, "video", "expected 'VIDEO START END'");
        assertBad(good + "3MSZA 1 2 3##person turns.\n", 2, "##", "expected 'VIDEO START END'");
        assertBad(good + "3MSZA abc 30.4##person turns.\n", 2, "start", "expected a number, got string \"abc\"");
        assertBad(good + "3MSZA 1 NaN##person turns.\n", 2, "end", "expected a number, got string \"NaN\"");
        assertBad(good + "3MSZA -1 2##person turns.\n", 2, "start", "expected a finite number >= 0, got -1");
        assertBad(good + "3MSZA 30.4 24.3##person turns.\n", 2, "end", "start 30.4 > end 24.3");
        assertBad(good + "3MSZA 24.3 30.4##   \n", 2, "sentence", "expected a sentence");
        // a file cut off mid-line: the last line lacks its sentence separator
        assertBad(good + "3MSZA 24.3 3", 2, "##", "found no '##'");
    }

    private void assertBad(String content, long line, String field, String problem) {
        Path file = dir.resolve("charades_sta_bad.txt");
        DataFormatException e = BadFiles.failure(file, content, CharadesSta::read);
        assertThat(e.location()).isEqualTo("line " + line);
        BadFiles.assertNames(e, file, field, problem);
    }
}
