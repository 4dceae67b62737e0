package org.momentgraph.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.encoders.index.CorpusIndex;

class SearchBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void measuresExactQuantizedAndHnswOnSmallCorporaAndReusesTheirIndexes() {
        SearchBenchmark bench = SearchBenchmark.builder().optWorkDir(dir).optSizes(150, 400).optDim(32)
                .optQueries(30, 5).optQueryEncoder(false).build();
        List<SearchBenchmark.Row> rows = bench.run();
        assertThat(rows).extracting(SearchBenchmark.Row::videos).containsExactly(150, 150, 150, 400, 400, 400);
        assertThat(rows).extracting(SearchBenchmark.Row::method)
                .containsExactly("exact", "quantized", "hnsw", "exact", "quantized", "hnsw");
        for (SearchBenchmark.Row r : rows) {
            assertThat(r.vrP99()).isGreaterThanOrEqualTo(r.vrP50()).isPositive();
            assertThat(r.curvesP50()).isPositive();
            assertThat(r.mappedBytes()).isPositive();
            assertThat(r.recallAt100()).isBetween(0.9, 1.0); // a few hundred videos: HNSW visits nearly all
            if (!r.method().equals("hnsw")) {
                assertThat(r.recallAt100()).isEqualTo(1.0); // R >= corpus: the pre-scan keeps every video
            }
        }
        try (CorpusIndex index = CorpusIndex.open(dir.resolve("corpus-n400-d32"))) {
            assertThat(index.size()).isEqualTo(400);
            assertThat(index.modelFingerprint()).isEqualTo(SyntheticCorpus.fingerprint(400, 32, 42));
            int clips = index.video(0).clips();
            assertThat(clips).isBetween(30, 50);
        }
        List<SearchBenchmark.Row> again = bench.run();
        assertThat(again.get(0).buildSeconds()).isZero(); // the corpus on disk was reused
        assertThat(SearchBenchmark.table(again)).contains("exact").contains("quantized").contains("hnsw").hasLineCount(7);
    }
}
