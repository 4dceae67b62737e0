package org.momentgraph.encoders.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.Video;

class QuantizedSearchTest {

    @TempDir
    Path dir;

    @Test
    void recallAgainstExactOn20000RandomUnitVectors() {
        Random rnd = new Random(21);
        writeVectors(dir, 20_000, 256, i -> RandomCorpus.unitVector(rnd, 256));
        assertRecallAndExactScores(dir, 256, r -> RandomCorpus.unitVector(r, 256));
    }

    @Test
    void recallAgainstExactOn20000ClusteredOffCentreVectors() {
        int dim = 256;
        Random rnd = new Random(22);
        // 40 tight clusters around directions that share a common offset: the true top 100 of a
        // query differ by small amounts, and without centring the offset would eat the int8 range
        float[] offset = scaled(RandomCorpus.unitVector(rnd, dim), 2f);
        float[][] centres = new float[40][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = normalised(add(offset, RandomCorpus.unitVector(rnd, dim)));
        }
        writeVectors(dir, 20_000, dim, i -> normalised(add(centres[i % centres.length], scaled(RandomCorpus.unitVector(rnd, dim), 0.3f))));
        assertRecallAndExactScores(dir, dim, r -> normalised(add(centres[r.nextInt(centres.length)], scaled(RandomCorpus.unitVector(r, dim), 0.3f))));
    }

    private static void assertRecallAndExactScores(Path dir, int dim, Function<Random, float[]> queries) {
        try (CorpusIndex index = CorpusIndex.open(dir);
             ExactSearch exact = ExactSearch.of(index);
             QuantizedSearch quantized = QuantizedSearch.of(index)) { // default R, two threads
            Random rnd = new Random(5);
            int n = 40;
            double found10 = 0;
            double found100 = 0;
            for (int q = 0; q < n; q++) {
                float[] query = queries.apply(rnd);
                List<SearchHit> truth = exact.search(query, 100);
                List<SearchHit> top100 = quantized.search(query, 100);
                List<SearchHit> top10 = quantized.search(query, 10);
                found100 += overlap(truth, top100);
                found10 += overlap(truth.subList(0, 10), top10);
                assertThat(top100).hasSize(100);
                for (SearchHit h : top100) { // re-scored exactly: the very float ExactSearch computes
                    assertThat(Float.floatToIntBits(h.score())).isEqualTo(Float.floatToIntBits(index.videoDot(h.ordinal(), query)));
                    assertThat(h.videoId()).isEqualTo(index.video(h.ordinal()).id());
                }
                if (overlap(truth, top100) == 100) {
                    assertThat(top100).isEqualTo(truth);
                }
            }
            System.out.printf("quantized recall@10 %.4f recall@100 %.4f (dim %d)%n", found10 / (10.0 * n), found100 / (100.0 * n), dim);
            assertThat(found10 / (10.0 * n)).isGreaterThanOrEqualTo(0.99);
            assertThat(found100 / (100.0 * n)).isGreaterThanOrEqualTo(0.99);
        }
    }

    @Test
    void tiesRankTheSmallerOrdinalFirstWhateverTheThreadSplit() {
        int dim = 16;
        Random rnd = new Random(23);
        float[][] distinct = new float[5][];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = RandomCorpus.unitVector(rnd, dim);
        }
        writeVectors(dir, 9_000, dim, i -> distinct[i % distinct.length].clone()); // above PARALLEL_MIN_VIDEOS
        try (CorpusIndex index = CorpusIndex.open(dir);
             ExactSearch exact = ExactSearch.of(index);
             QuantizedSearch two = QuantizedSearch.builder().optThreads(2).optColumnWidth(64).build(index);
             QuantizedSearch one = QuantizedSearch.builder().optThreads(1).build(index)) {
            float[] query = distinct[2];
            List<SearchHit> hits = two.search(query, 50);
            assertThat(hits).extracting(SearchHit::ordinal).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 50).map(i -> 2 + 5 * i).boxed().toList());
            assertThat(hits).isEqualTo(exact.search(query, 50)).isEqualTo(one.search(query, 50)).isEqualTo(two.search(query, 50));
        }
    }

    @Test
    void concurrentSearchesSharingBlocksOnThreeThreadsMatchOneThread() throws Exception {
        int dim = 32;
        Random rnd = new Random(24);
        writeVectors(dir, 12_000, dim, i -> RandomCorpus.unitVector(rnd, dim));
        try (CorpusIndex index = CorpusIndex.open(dir);
             QuantizedSearch three = QuantizedSearch.builder().optThreads(3).optColumnWidth(64).build(index); // 47 blocks
             QuantizedSearch one = QuantizedSearch.builder().optThreads(1).build(index)) {
            List<float[]> queries = new java.util.ArrayList<>();
            for (int q = 0; q < 24; q++) {
                queries.add(RandomCorpus.unitVector(rnd, dim));
            }
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<List<SearchHit>>> results = new java.util.ArrayList<>();
                for (float[] query : queries) {
                    results.add(callers.submit(() -> three.search(query, 100)));
                }
                for (int q = 0; q < queries.size(); q++) {
                    assertThat(results.get(q).get()).as("query " + q).isEqualTo(one.search(queries.get(q), 100));
                }
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void oddDimensionsPartialBlocksAndKBeyondTheCorpusMatchExactSearch() {
        int dim = 30; // not a multiple of the kernel's four dims per step
        Random rnd = new Random(24);
        writeVectors(dir, 1_234, dim, i -> scaled(RandomCorpus.unitVector(rnd, dim), 0.5f + rnd.nextFloat()));
        try (CorpusIndex index = CorpusIndex.open(dir);
             ExactSearch exact = ExactSearch.of(index);
             QuantizedSearch quantized = QuantizedSearch.builder().optColumnWidth(100).build(index)) {
            for (int q = 0; q < 20; q++) {
                float[] query = RandomCorpus.unitVector(rnd, dim);
                assertThat(quantized.search(query, 5)).isEqualTo(exact.search(query, 5));
            }
            float[] query = RandomCorpus.unitVector(rnd, dim);
            assertThat(quantized.search(query, 5_000)).hasSize(1_234).isEqualTo(exact.search(query, 5_000));
            assertThat(quantized.candidates(10)).isEqualTo(200);
            assertThat(quantized.candidates(100)).isEqualTo(500);
            assertThat(quantized.heapBytes()).isLessThan(ExactSearch.of(index, 1).heapBytes() / 2);
        }
    }

    @Test
    void newSnapshotsReflectAddsRemovesAndReplacements() {
        int dim = 32;
        RandomCorpus.write(dir, 600, dim, 3);
        Random rnd = new Random(4);
        VideoEncoding replaced = RandomCorpus.video(rnd, "v7", 3, dim, false);
        VideoEncoding added = RandomCorpus.video(rnd, "new", 4, dim, false);
        try (CorpusIndex index = CorpusIndex.open(dir); QuantizedSearch search = QuantizedSearch.of(index)) {
            assertThat(search.search(added.videoVector(), 1).get(0).videoId()).isNotEqualTo("new");
            float[] v8 = index.videoVector(index.ordinalOf("v8").orElseThrow());
            assertThat(search.search(v8, 1).get(0).videoId()).isEqualTo("v8");
        }
        try (CorpusIndexWriter w = RandomCorpus.writer(dir, dim).build()) {
            w.add(replaced).add(added);
            w.remove("v8");
            w.commit();
        }
        try (CorpusIndex index = CorpusIndex.open(dir);
             VideoSearch exact = VideoSearches.forIndex(index);
             VideoSearch quantized = VideoSearches.forIndex(index, 500)) {
            assertThat(exact).isInstanceOf(ExactSearch.class);
            assertThat(quantized).isInstanceOf(QuantizedSearch.class);
            SearchHit top = quantized.search(replaced.videoVector(), 1).get(0);
            assertThat(top.videoId()).isEqualTo("v7");
            assertThat(top.score()).isEqualTo(exact.search(replaced.videoVector(), 1).get(0).score());
            assertThat(quantized.search(added.videoVector(), 1).get(0).videoId()).isEqualTo("new");
            List<SearchHit> all = quantized.search(added.videoVector(), 600);
            assertThat(all).hasSize(600).extracting(SearchHit::videoId).doesNotContain("v8").doesNotHaveDuplicates();
            assertThat(all).isEqualTo(exact.search(added.videoVector(), 600));
        }
    }

    private static double overlap(List<SearchHit> truth, List<SearchHit> approx) {
        Set<Integer> t = new HashSet<>();
        truth.forEach(h -> t.add(h.ordinal()));
        return approx.stream().filter(h -> t.contains(h.ordinal())).count();
    }

    /** Writes videos "v0".. with the given video vectors and a single clip each (the clips do not matter here). */
    private static void writeVectors(Path dir, int n, int dim, Function<Integer, float[]> vector) {
        try (CorpusIndexWriter w = RandomCorpus.writer(dir, dim).build()) {
            for (int i = 0; i < n; i++) {
                float[] v = vector.apply(i);
                w.add(new VideoEncoding(new Video("v" + i, 2.0, 2.0), v, new float[][] {v}));
            }
            w.commit();
        }
    }

    private static float[] add(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private static float[] scaled(float[] a, float s) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * s;
        }
        return out;
    }

    private static float[] normalised(float[] a) {
        double n = 0;
        for (float x : a) {
            n += x * x;
        }
        return scaled(a, (float) (1 / Math.sqrt(n)));
    }
}
