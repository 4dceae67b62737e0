package org.momentgraph.encoders.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactSearchTest {

    @TempDir
    Path dir;

    @Test
    void matchesBruteForceOnTheSingleAndMultiThreadedPaths() {
        int dim = 48;
        RandomCorpus.write(dir, 12_000, dim, 11); // above PARALLEL_MIN_VIDEOS
        try (CorpusIndex index = CorpusIndex.open(dir);
             ExactSearch parallel = ExactSearch.of(index, 2);
             ExactSearch single = ExactSearch.of(index, 1)) {
            Random rnd = new Random(12);
            for (int q = 0; q < 20; q++) {
                float[] query = RandomCorpus.unitVector(rnd, dim);
                double[] truth = new double[index.size()];
                for (int ord = 0; ord < truth.length; ord++) {
                    float[] v = index.videoVector(ord);
                    for (int i = 0; i < dim; i++) {
                        truth[ord] += (double) v[i] * query[i];
                    }
                }
                List<Integer> expected = IntStream.range(0, truth.length).boxed()
                        .sorted(Comparator.comparingDouble((Integer o) -> -truth[o])).limit(100).toList();
                for (ExactSearch search : List.of(parallel, single)) {
                    List<SearchHit> hits = search.search(query, 100);
                    assertThat(hits).extracting(SearchHit::ordinal).containsExactlyElementsOf(expected);
                    for (SearchHit h : hits) {
                        assertThat((double) h.score()).isCloseTo(truth[h.ordinal()], Offset.offset(1e-5));
                        assertThat(h.videoId()).isEqualTo(index.video(h.ordinal()).id());
                    }
                }
            }
        }
    }

    @Test
    void returnsTheWholeCorpusWhenKExceedsItAndBreaksTiesByOrdinal() {
        RandomCorpus.write(dir, 5, 4, 13);
        try (CorpusIndex index = CorpusIndex.open(dir); ExactSearch search = ExactSearch.of(index)) {
            List<SearchHit> all = search.search(new float[4], 10); // all scores 0: a 5-way tie
            assertThat(all).extracting(SearchHit::ordinal).containsExactly(0, 1, 2, 3, 4);
            float[] q = index.videoVector(3);
            assertThat(search.search(q, 1)).extracting(SearchHit::videoId).containsExactly("v3");
        }
    }
}
