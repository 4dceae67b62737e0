package org.momentgraph.encoders.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HnswSearchTest {

    @TempDir
    Path dir;

    @Test
    void recallAt10AgainstExactSearchOn20000RandomUnitVectors() {
        int dim = 64;
        RandomCorpus.write(dir, 20_000, dim, 7);
        try (CorpusIndex index = CorpusIndex.open(dir);
             ExactSearch exact = ExactSearch.of(index);
             HnswSearch hnsw = HnswSearch.builder().optInMemory(true).build(index)) { // default settings
            Random rnd = new Random(99);
            int queries = 200;
            int found = 0;
            for (int q = 0; q < queries; q++) {
                float[] query = RandomCorpus.unitVector(rnd, dim);
                Set<Integer> truth = new HashSet<>();
                exact.search(query, 10).forEach(h -> truth.add(h.ordinal()));
                List<SearchHit> approx = hnsw.search(query, 10);
                assertThat(approx).hasSize(10);
                for (SearchHit h : approx) {
                    if (truth.contains(h.ordinal())) {
                        found++;
                    }
                    // re-scored exactly, so scores are true dot products
                    assertThat(h.score()).isCloseTo(index.videoDot(h.ordinal(), query), org.assertj.core.data.Offset.offset(1e-6f));
                }
            }
            double recall = found / (10.0 * queries);
            System.out.println("HNSW recall@10 on 20,000 random unit vectors: " + recall);
            assertThat(recall).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void onDiskGraphFollowsAddsRemovesAndReplacements() {
        int dim = 32;
        RandomCorpus.write(dir, 500, dim, 3);
        Random rnd = new Random(4);
        try (CorpusIndex index = CorpusIndex.open(dir); HnswSearch hnsw = HnswSearch.builder().build(index)) {
            float[] v7 = index.videoVector(index.ordinalOf("v7").orElseThrow());
            assertThat(hnsw.search(v7, 1).get(0).videoId()).isEqualTo("v7");
        }
        VideoEncoding replaced = RandomCorpus.video(rnd, "v7", 3, dim, false);
        VideoEncoding added = RandomCorpus.video(rnd, "new", 4, dim, false);
        try (CorpusIndexWriter w = RandomCorpus.writer(dir, dim).build()) {
            w.add(replaced).add(added);
            w.remove("v8");
            w.commit();
        }
        try (CorpusIndex index = CorpusIndex.open(dir); HnswSearch hnsw = HnswSearch.builder().build(index)) {
            assertThat(index.size()).isEqualTo(500);
            SearchHit top = hnsw.search(replaced.videoVector(), 1).get(0);
            assertThat(top.videoId()).isEqualTo("v7");
            assertThat(top.score()).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(hnsw.search(added.videoVector(), 1).get(0).videoId()).isEqualTo("new");
            List<SearchHit> all = hnsw.search(added.videoVector(), 500);
            assertThat(all).extracting(SearchHit::videoId).doesNotContain("v8").doesNotHaveDuplicates();
            assertThat(Path.of(dir.toString(), "hnsw")).isDirectory();
            try (VideoSearch small = VideoSearches.forIndex(index);
                 VideoSearch large = VideoSearches.of(index, VideoSearches.Method.HNSW)) {
                assertThat(small).isInstanceOf(ExactSearch.class);
                assertThat(large).isInstanceOf(HnswSearch.class);
                assertThat(large.search(added.videoVector(), 3)).isEqualTo(small.search(added.videoVector(), 3));
            }
        }
    }
}
