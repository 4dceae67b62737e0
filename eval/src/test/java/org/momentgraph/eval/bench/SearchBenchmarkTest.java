package org.momentgraph.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.encoders.index.CorpusIndex;

class SearchBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void timesEveryStageOfEveryMethodOnSmallCorporaAndReusesTheirIndexes() throws Exception {
        SearchBenchmark bench = SearchBenchmark.builder().optWorkDir(dir).optSizes(150, 400).optDim(32)
                .optQueries(30, 5).optQueryEncoder(false).build();
        List<SearchBenchmark.Row> rows = bench.run();
        assertThat(rows).extracting(SearchBenchmark.Row::videos).containsExactly(150, 150, 150, 400, 400, 400);
        assertThat(rows).extracting(SearchBenchmark.Row::method)
                .containsExactly("exact", "quantized", "hnsw", "exact", "quantized", "hnsw");
        for (SearchBenchmark.Row r : rows) {
            assertThat(r.vrP99()).isGreaterThanOrEqualTo(r.vrP50()).isPositive();
            assertThat(r.momentsP99()).isGreaterThanOrEqualTo(r.momentsP50()).isPositive();
            assertThat(r.totalP50()).isGreaterThanOrEqualTo(r.vrP50()); // total of a query >= any of its stages
            assertThat(r.totalP99()).isGreaterThanOrEqualTo(r.totalP50());
            assertThat(r.mappedBytes()).isGreaterThan((long) r.videos() * 30 * 32 * Float.BYTES); // >= 30 clips a video
            assertThat(r.heapIndexBytes()).isGreaterThanOrEqualTo(r.method().equals("exact") ? r.videos() * 32L * 4 : r.videos() * 32L);
            assertThat(r.peakHeapBytes()).isPositive();
            assertThat(r.recallAt100()).isBetween(0.9, 1.0); // a few hundred videos: HNSW visits nearly all
            if (!r.method().equals("hnsw")) {
                assertThat(r.recallAt100()).isEqualTo(1.0); // R >= corpus: the pre-scan keeps every video
            }
        }
        try (CorpusIndex index = CorpusIndex.open(dir.resolve("corpus-n400-d32"))) {
            assertThat(index.size()).isEqualTo(400);
            assertThat(index.modelFingerprint()).isEqualTo(SyntheticCorpus.fingerprint(400, 32, 42));
            assertThat(index.video(0).clips()).isBetween(30, 50);
        }
        List<SearchBenchmark.Row> again = SearchBenchmark.builder().optWorkDir(dir).optSizes(400).optDim(32)
                .optQueries(10, 0).optQueryEncoder(false).optMethods(EnumSet.of(SearchBenchmark.Method.QUANTIZED)).build().run();
        assertThat(again).extracting(SearchBenchmark.Row::method).containsExactly("quantized");
        assertThat(SearchBenchmark.table(again)).contains("| 400 | quantized |").hasLineCount(3);

        Path csv = dir.resolve("rows.csv");
        RecordRows.write(csv, rows);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("videos,method,buildSeconds,encodeP50");
        assertThat(lines.get(2)).startsWith("150,quantized,");
        Path json = dir.resolve("rows.json");
        RecordRows.write(json, rows);
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree).hasSize(6);
        assertThat(tree.get(5).get("method").asText()).isEqualTo("hnsw");
        assertThat(tree.get(5).get("recallAt100").asDouble()).isEqualTo(rows.get(5).recallAt100());
    }

    @Test
    void queryTextsAreVariedGeneratedSentences() {
        List<String> texts = QueryTexts.synthetic(120, 3);
        assertThat(texts).hasSize(120);
        assertThat(texts.stream().distinct().count()).isGreaterThan(100);
        assertThat(texts).allSatisfy(t -> assertThat(t).endsWith(".").contains(" "));
    }
}
