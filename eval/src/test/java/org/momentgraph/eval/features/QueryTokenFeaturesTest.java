package org.momentgraph.eval.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.momentgraph.eval.features.FeatureTestData.arange;
import static org.momentgraph.eval.features.FeatureTestData.assertBitExact;
import static org.momentgraph.eval.features.FeatureTestData.fixture;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.SharedData;

class QueryTokenFeaturesTest {

    @TempDir
    Path dir;

    @Test
    void readsTvrStyleQueryFeaturesWrittenByH5py() {
        try (QueryTokenFeatures queries = QueryTokenFeatures.open(fixture("h5py_query_feats.h5"))) {
            assertThat(queries.descIds()).containsExactlyInAnyOrder("90200", "90201");
            assertThat(queries.dim()).isEqualTo(8);
            assertBitExact(queries.tokens(90200), arange(7, 8, 0.25, 0));
            assertBitExact(queries.tokens("90201"), arange(3, 8, -0.5, 1));
            DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class, () -> queries.tokens(1));
            assertThat(e.location()).isEqualTo("1");
        }
    }

    @Test
    void writtenHdf5AndNpzRoundTripByDescId() {
        Random random = new Random(5);
        Map<String, float[][]> byDescId = new LinkedHashMap<>();
        for (int q = 0; q < 12; q++) {
            byDescId.put(Integer.toString(90000 + q * 7), FeatureTestData.random(random, 3 + random.nextInt(20), 16));
        }
        Path h5 = dir.resolve("query_feats.h5");
        Hdf5Features.write(h5, byDescId);
        Path npz = dir.resolve("query_feats.npz");
        Npz.write(npz, byDescId);
        for (Path file : new Path[] {h5, npz}) {
            try (QueryTokenFeatures queries = QueryTokenFeatures.open(file)) {
                assertThat(queries.descIds()).containsExactlyInAnyOrderElementsOf(byDescId.keySet());
                byDescId.forEach((id, tokens) -> assertBitExact(queries.tokens(Long.parseLong(id)), tokens));
            }
        }
    }

    @Test
    void realUniVtgTokenFeaturesOpenAsQueryFeatures() {
        QueryTokenFeatures queries = QueryTokenFeatures.open(SharedData.file("univtg_charades_clip/txt.npz"));
        assertThat(queries.dim()).isEqualTo(512);
        assertThat(queries.tokens("features")).hasDimensions(12, 512);
    }
}
