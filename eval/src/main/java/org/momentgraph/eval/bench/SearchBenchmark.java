package org.momentgraph.eval.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.ExactSearch;
import org.momentgraph.encoders.index.HnswSearch;
import org.momentgraph.encoders.index.QuantizedSearch;
import org.momentgraph.encoders.index.SearchHit;
import org.momentgraph.encoders.index.SimilarityCurves;
import org.momentgraph.encoders.index.VideoSearch;
import org.momentgraph.encoders.text.MiniLmTextEncoder;

/**
 * Search-side latency of the retriever on synthetic corpora: per query, video retrieval top-100
 * (exact, int8 pre-scan + exact re-scoring, and HNSW) and the similarity curves of the top-10 videos, with p50/p99 over many queries,
 * plus memory (heap used after GC + bytes memory-mapped). Query encoding is measured separately
 * (MiniLM sentence embedding) since the model's query encoder is plugged in later.
 *
 * <pre>{@code
 * List<SearchBenchmark.Row> rows = SearchBenchmark.builder().optSizes(1_000, 10_000).optDim(256).build().run();
 * System.out.println(SearchBenchmark.table(rows));
 * }</pre>
 */
public final class SearchBenchmark {

    /** One measured configuration; times in milliseconds, sizes in bytes. */
    public record Row(int videos, String method, double buildSeconds, double vrP50, double vrP99, double curvesP50,
                      double curvesP99, double totalP50, double totalP99, double recallAt100, long heapBytes, long mappedBytes) {
    }

    private final Builder b;

    private SearchBenchmark(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds (or reuses) each corpus under the work folder and measures it. */
    public List<Row> run() {
        List<Row> rows = new ArrayList<>();
        for (int n : b.sizes) {
            Path dir = b.workDir.resolve("corpus-n" + n + "-d" + b.dim);
            double indexSeconds = SyntheticCorpus.ensure(dir, n, b.dim, b.seed);
            try (CorpusIndex index = CorpusIndex.opener(dir).optVerifyChecksums(false).open()) {
                List<float[]> queries = queries(b.queries + b.warmup, b.dim, b.seed + n);
                List<List<SearchHit>> exactTop;
                try (ExactSearch exact = ExactSearch.of(index, b.threads)) {
                    exactTop = new ArrayList<>();
                    rows.add(measure(index, exact, "exact", indexSeconds, queries, exactTop, null, index.mappedBytes()));
                }
                if (b.quantized) {
                    long t0 = System.nanoTime();
                    try (QuantizedSearch quantized = QuantizedSearch.builder().optThreads(b.threads).build(index)) {
                        double buildSeconds = (System.nanoTime() - t0) / 1e9;
                        rows.add(measure(index, quantized, "quantized", buildSeconds, queries, null, exactTop, index.mappedBytes()));
                    }
                }
                if (b.hnsw) {
                    long t0 = System.nanoTime();
                    try (HnswSearch hnsw = HnswSearch.builder().build(index)) {
                        double buildSeconds = (System.nanoTime() - t0) / 1e9;
                        rows.add(measure(index, hnsw, "hnsw", buildSeconds, queries, null, exactTop,
                                index.mappedBytes() + folderBytes(dir.resolve("hnsw"))));
                    }
                }
            }
        }
        if (b.queryEncoder) {
            rows.add(measureQueryEncoding());
        }
        return rows;
    }

    private Row measure(CorpusIndex index, VideoSearch search, String method, double buildSeconds, List<float[]> queries,
                        List<List<SearchHit>> recordTop, List<List<SearchHit>> truthTop, long mappedBytes) {
        SimilarityCurves curves = new SimilarityCurves(index);
        Latencies vr = new Latencies();
        Latencies cv = new Latencies();
        Latencies total = new Latencies();
        double found = 0;
        long checksum = 0;
        for (int q = 0; q < queries.size(); q++) {
            float[] query = queries.get(q);
            long t0 = System.nanoTime();
            List<SearchHit> top = search.search(query, 100);
            long t1 = System.nanoTime();
            List<SimilarityCurves.Curve> c = curves.forHits(query, top.subList(0, Math.min(10, top.size())));
            long t2 = System.nanoTime();
            checksum += c.size();
            if (q >= b.warmup) {
                vr.add(t1 - t0);
                cv.add(t2 - t1);
                total.add(t2 - t0);
                if (recordTop != null) {
                    recordTop.add(top);
                }
                if (truthTop != null) {
                    found += recall(truthTop.get(q - b.warmup), top);
                }
            }
        }
        if (checksum < 0) {
            throw new IllegalStateException("unreachable; keeps the curves from being optimised away");
        }
        double recall = truthTop == null ? 1.0 : found / (queries.size() - b.warmup);
        return new Row(index.size(), method, buildSeconds, vr.percentileMs(50), vr.percentileMs(99), cv.percentileMs(50),
                cv.percentileMs(99), total.percentileMs(50), total.percentileMs(99), recall, heapUsed(), mappedBytes);
    }

    private Row measureQueryEncoding() {
        long t0 = System.nanoTime();
        try (MiniLmTextEncoder encoder = MiniLmTextEncoder.builder().optCacheSize(0).optIntraOpThreads(b.threads).build()) {
            double load = (System.nanoTime() - t0) / 1e9;
            String[] who = {"a man", "the woman", "a child", "Sheldon", "the doctor", "two people"};
            String[] what = {"opens the fridge", "sits down on the couch", "picks up a cup of coffee",
                "walks out of the room", "talks on the phone", "hugs her friend", "puts on a jacket"};
            Latencies lat = new Latencies();
            for (int q = 0; q < b.queries + b.warmup; q++) {
                String text = who[q % who.length] + " " + what[(q / who.length) % what.length] + " after scene " + q;
                long s = System.nanoTime();
                encoder.embed(text);
                if (q >= b.warmup) {
                    lat.add(System.nanoTime() - s);
                }
            }
            return new Row(0, "minilm-query", load, lat.percentileMs(50), lat.percentileMs(99), 0, 0,
                    lat.percentileMs(50), lat.percentileMs(99), Double.NaN, heapUsed(), 0);
        }
    }

    private static double recall(List<SearchHit> truth, List<SearchHit> approx) {
        Set<Integer> t = new HashSet<>();
        truth.forEach(h -> t.add(h.ordinal()));
        return approx.stream().filter(h -> t.contains(h.ordinal())).count() / (double) Math.max(1, truth.size());
    }

    static List<float[]> queries(int n, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(SyntheticCorpus.unitVector(rnd, dim));
        }
        return out;
    }

    private static long heapUsed() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long folderBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot size " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A fixed-width text table of the rows. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.format("%8s %-13s %9s %8s %8s %8s %8s %8s %8s %7s %9s %10s%n",
                "videos", "method", "build_s", "vr_p50", "vr_p99", "curv_p50", "curv_p99", "tot_p50", "tot_p99",
                "rec@100", "heap_MB", "mapped_MB"));
        for (Row r : rows) {
            sb.append(String.format("%8d %-13s %9.1f %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f %7.3f %9.1f %10.1f%n",
                    r.videos(), r.method(), r.buildSeconds(), r.vrP50(), r.vrP99(), r.curvesP50(), r.curvesP99(),
                    r.totalP50(), r.totalP99(), r.recallAt100(), r.heapBytes() / 1e6, r.mappedBytes() / 1e6));
        }
        return sb.toString();
    }

    /** Arguments: {@code [workDir] [sizes, comma-separated] [dim]}; defaults: a temp folder, 1000,10000,100000, 256. */
    public static void main(String[] args) throws IOException {
        Builder b = builder().optWorkDir(args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("mg-search-bench"));
        if (args.length > 1) {
            b.optSizes(Stream.of(args[1].split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray());
        }
        if (args.length > 2) {
            b.optDim(Integer.parseInt(args[2]));
        }
        List<Row> rows = b.build().run();
        System.out.print(table(rows));
    }

    /** Options; every one has a default. */
    public static final class Builder {
        private Path workDir;
        private int[] sizes = {1_000, 10_000, 100_000};
        private int dim = 256;
        private int queries = 300;
        private int warmup = 100;
        private int threads = 2;
        private long seed = 42;
        private boolean hnsw = true;
        private boolean quantized = true;
        private boolean queryEncoder = true;

        private Builder() {
        }

        /** Folder for the corpus indexes ({@code corpus-n<N>-d<D>}); kept, and reused by later runs. */
        public Builder optWorkDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        public Builder optSizes(int... sizes) {
            this.sizes = sizes.clone();
            return this;
        }

        /** Vector dimension (the model's; 256 by default). */
        public Builder optDim(int dim) {
            this.dim = dim;
            return this;
        }

        /** Measured queries per configuration (after {@code warmup} unmeasured ones). */
        public Builder optQueries(int queries, int warmup) {
            this.queries = queries;
            this.warmup = warmup;
            return this;
        }

        /** Threads of the exact search pool and of OnnxRuntime (2, the deployment target). */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optHnsw(boolean hnsw) {
            this.hnsw = hnsw;
            return this;
        }

        /** Also measure {@link QuantizedSearch} (int8 copy built at open; its build time is reported). */
        public Builder optQuantized(boolean quantized) {
            this.quantized = quantized;
            return this;
        }

        /** Also time MiniLM sentence embedding of a query (loads the ONNX model). */
        public Builder optQueryEncoder(boolean queryEncoder) {
            this.queryEncoder = queryEncoder;
            return this;
        }

        public SearchBenchmark build() {
            if (workDir == null) {
                throw new IllegalArgumentException("optWorkDir is required");
            }
            if (queries <= 0 || warmup < 0 || dim <= 0 || threads <= 0) {
                throw new IllegalArgumentException("queries, dim and threads must be > 0 and warmup >= 0");
            }
            return new SearchBenchmark(this);
        }
    }
}
