package org.momentgraph.encoders.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarityCurvesTest {

    @TempDir
    Path dir;

    @Test
    void curvesOfTopHitsEqualDotProductsWithTheStoredClipVectors() {
        int dim = 24;
        RandomCorpus.write(dir, 300, dim, 21);
        try (CorpusIndex index = CorpusIndex.open(dir); ExactSearch search = ExactSearch.of(index)) {
            SimilarityCurves curves = new SimilarityCurves(index);
            float[] query = RandomCorpus.unitVector(new Random(22), dim);
            List<SearchHit> top = search.search(query, 10);
            List<SimilarityCurves.Curve> result = curves.forHits(query, top);
            assertThat(result).extracting(SimilarityCurves.Curve::videoId).containsExactlyElementsOf(
                    top.stream().map(SearchHit::videoId).toList());
            float[][] second = {RandomCorpus.unitVector(new Random(23), dim), query};
            for (SimilarityCurves.Curve c : result) {
                float[][] clips = index.clipVectors(c.ordinal());
                assertThat(c.similarity()).hasSize(clips.length);
                float[][] both = curves.curves(second, c.ordinal());
                for (int k = 0; k < clips.length; k++) {
                    double expected = 0;
                    for (int i = 0; i < dim; i++) {
                        expected += (double) clips[k][i] * query[i];
                    }
                    assertThat((double) c.similarity()[k]).isCloseTo(expected, Offset.offset(1e-5));
                    assertThat(both[1][k]).isCloseTo(c.similarity()[k], Offset.offset(1e-6f));
                }
            }
        }
    }
}
