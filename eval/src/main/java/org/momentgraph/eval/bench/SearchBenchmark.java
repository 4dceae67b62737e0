package org.momentgraph.eval.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.boundary.BoundaryDecoder;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.ExactSearch;
import org.momentgraph.encoders.index.HnswSearch;
import org.momentgraph.encoders.index.QuantizedSearch;
import org.momentgraph.encoders.index.SearchHit;
import org.momentgraph.encoders.index.VideoSearch;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.train.ResourceMeter;

/**
 * End-to-end corpus moment retrieval (VCMR) latency on synthetic corpora. Per query, timed as one
 * request: the sentence is encoded (MiniLM, cache off, then a linear head to the index dimension),
 * video retrieval takes the top 100 videos (exact, int8 pre-scan + exact re-score, or HNSW), and the
 * moment stage decodes the similarity curves of the top videos into ranked moments. p50/p99 of each
 * stage and of the total, recall@100 against exact search, index bytes, and peak heap and RSS.
 *
 * <pre>{@code
 * List<SearchBenchmark.Row> rows = SearchBenchmark.builder().optWorkDir(dir).optSizes(1_000, 10_000).build().run();
 * System.out.print(SearchBenchmark.table(rows));
 * }</pre>
 */
public final class SearchBenchmark {

    /** Video retrieval methods the benchmark can time. */
    public enum Method { EXACT, QUANTIZED, HNSW }

    /**
     * One measured configuration; times in milliseconds, sizes in bytes (-1: unknown). {@code heapIndexBytes}
     * is what the search method holds (exact: the float matrix; quantized: the int8 copy; HNSW: its graph
     * files), {@code mappedBytes} the memory-mapped corpus files (resident only as far as they are read).
     */
    public record Row(int videos, String method, double buildSeconds, double encodeP50, double encodeP99, double vrP50,
                      double vrP99, double momentsP50, double momentsP99, double totalP50, double totalP99,
                      double recallAt100, long heapIndexBytes, long mappedBytes, long peakHeapBytes, long peakRssBytes) {
    }

    static final int TOP_VIDEOS = 100;

    private final Builder b;

    private SearchBenchmark(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds (or reuses) each corpus under the work folder and times every method on it. */
    public List<Row> run() {
        List<String> texts = b.queryEncoder ? QueryTexts.synthetic(b.queries + b.warmup, b.seed) : List.of();
        try (MiniLmTextEncoder encoder = b.queryEncoder
                ? MiniLmTextEncoder.builder().optCacheSize(0).optIntraOpThreads(b.encoderThreads).build() : null) {
            QueryProjection head = new QueryProjection(MiniLmTextEncoder.DIM, b.dim, b.seed);
            if (encoder != null) {
                texts.forEach(encoder::embed); // warms the JIT and OnnxRuntime like a running server; the cache stays off
            }
            List<Row> rows = new ArrayList<>();
            for (int n : b.sizes) {
                Path dir = b.workDir.resolve("corpus-n" + n + "-d" + b.dim);
                double corpusSeconds = SyntheticCorpus.ensure(dir, n, b.dim, b.seed);
                try (CorpusIndex index = CorpusIndex.opener(dir).optVerifyChecksums(false).open()) {
                    Encode encode = encoder == null ? randomQueries(b.dim, b.seed + n)
                            : q -> head.apply(encoder.embed(texts.get(q)));
                    long t0 = System.nanoTime();
                    try (ExactSearch truth = ExactSearch.of(index, b.threads)) {
                        double exactSeconds = corpusSeconds + (System.nanoTime() - t0) / 1e9;
                        for (Method m : b.methods) {
                            rows.add(m == Method.EXACT
                                    ? measure(index, truth, m, exactSeconds, encode, truth, truth.heapBytes())
                                    : measureBuilt(index, m, encode, truth, dir));
                        }
                    }
                }
            }
            return rows;
        }
    }

    /** The query vector of measured query {@code q}. */
    private interface Encode {
        float[] vector(int q);
    }

    private Row measureBuilt(CorpusIndex index, Method m, Encode encode, ExactSearch truth, Path dir) {
        long t0 = System.nanoTime();
        if (m == Method.QUANTIZED) {
            try (QuantizedSearch quantized = QuantizedSearch.builder().optThreads(b.threads).build(index)) {
                return measure(index, quantized, m, (System.nanoTime() - t0) / 1e9, encode, truth,
                        quantized.heapBytes());
            }
        }
        try (HnswSearch hnsw = HnswSearch.builder().build(index)) {
            return measure(index, hnsw, m, (System.nanoTime() - t0) / 1e9, encode, truth,
                    folderBytes(dir.resolve("hnsw")));
        }
    }

    private Row measure(CorpusIndex index, VideoSearch search, Method method, double buildSeconds, Encode encode,
                        ExactSearch truth, long heapIndexBytes) {
        CurveMoments moments = new CurveMoments(index, b.topVideos, new BoundaryDecoder(b.maxMomentClips, 5, 0.5), 10f);
        Latencies enc = new Latencies();
        Latencies vr = new Latencies();
        Latencies loc = new Latencies();
        Latencies total = new Latencies();
        double found = 0;
        long checksum = 0;
        System.gc();
        ResourceMeter.resetPeakHeap();
        for (int q = 0; q < b.queries + b.warmup; q++) {
            long t0 = System.nanoTime();
            float[] query = encode.vector(q);
            long t1 = System.nanoTime();
            List<SearchHit> top = search.search(query, TOP_VIDEOS);
            long t2 = System.nanoTime();
            List<Moment> found100 = moments.localize(query, top, TOP_VIDEOS);
            long t3 = System.nanoTime();
            checksum += found100.size();
            if (q >= b.warmup) {
                enc.add(t1 - t0);
                vr.add(t2 - t1);
                loc.add(t3 - t2);
                total.add(t3 - t0);
                found += search == truth ? 1.0 : recall(truth.search(query, TOP_VIDEOS), top); // untimed
            }
        }
        if (checksum < 0) {
            throw new IllegalStateException("unreachable; keeps the moment stage from being optimised away");
        }
        return new Row(index.size(), method.name().toLowerCase(), buildSeconds, enc.percentileMs(50), enc.percentileMs(99),
                vr.percentileMs(50), vr.percentileMs(99), loc.percentileMs(50), loc.percentileMs(99), total.percentileMs(50),
                total.percentileMs(99), found / b.queries, heapIndexBytes, index.mappedBytes(), ResourceMeter.peakHeapBytes(), ResourceMeter.peakRssBytes());
    }

    private static double recall(List<SearchHit> truth, List<SearchHit> approx) {
        Set<Integer> t = new HashSet<>();
        truth.forEach(h -> t.add(h.ordinal()));
        return approx.stream().filter(h -> t.contains(h.ordinal())).count() / (double) Math.max(1, truth.size());
    }

    /** Without the text encoder: seeded random unit vectors, so the encode stage costs nothing. */
    private Encode randomQueries(int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < b.queries + b.warmup; i++) {
            out.add(SyntheticCorpus.unitVector(rnd, dim));
        }
        return out::get;
    }

    private static long folderBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot size " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A markdown table of the rows: milliseconds, MB = 10^6 bytes. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| videos | method | build s | encode p50 | encode p99 | VR p50 | VR p99 | moments p50 | moments p99 "
                + "| total p50 | total p99 | recall@100 | index MB | mapped MB | peak heap MB | peak RSS MB |\n");
        sb.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format("| %d | %s | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.3f | %.2f | %.1f | %.0f | %.0f |%n",
                    r.videos(), r.method(), r.buildSeconds(), r.encodeP50(), r.encodeP99(), r.vrP50(), r.vrP99(),
                    r.momentsP50(), r.momentsP99(), r.totalP50(), r.totalP99(), r.recallAt100(), r.heapIndexBytes() / 1e6, r.mappedBytes() / 1e6,
                    r.peakHeapBytes() / 1e6, r.peakRssBytes() / 1e6));
        }
        return sb.toString();
    }

    /** Options; every one but the work folder has a default. */
    public static final class Builder {
        private Path workDir;
        private int[] sizes = {1_000, 10_000, 100_000};
        private int dim = 256;
        private int queries = 300;
        private int warmup = 100;
        private int threads = 2;
        private int encoderThreads = 1;
        private Set<Method> methods = EnumSet.allOf(Method.class);
        private int topVideos = 10;
        private int maxMomentClips = 16;
        private long seed = 42;
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

        /** Vector dimension of the index (the model's; 256 by default). */
        public Builder optDim(int dim) {
            this.dim = dim;
            return this;
        }

        /** Measured queries per row, after {@code warmup} unmeasured ones. */
        public Builder optQueries(int queries, int warmup) {
            this.queries = queries;
            this.warmup = warmup;
            return this;
        }

        /** Threads of video retrieval (exact and int8 scans); 2, the deployment target. */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /** OnnxRuntime intra-op threads of the query encoder; 1 is fastest for one short sentence. */
        public Builder optEncoderThreads(int encoderThreads) {
            this.encoderThreads = encoderThreads;
            return this;
        }

        public Builder optMethods(Set<Method> methods) {
            this.methods = methods.isEmpty() ? EnumSet.noneOf(Method.class) : EnumSet.copyOf(methods);
            return this;
        }

        /** Videos whose moments are decoded per query (10 by default). */
        public Builder optTopVideos(int topVideos) {
            this.topVideos = topVideos;
            return this;
        }

        /** Longest decoded moment, in clips. */
        public Builder optMaxMomentClips(int maxMomentClips) {
            this.maxMomentClips = maxMomentClips;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Encode real sentences with MiniLM (default); false uses random query vectors (no model load). */
        public Builder optQueryEncoder(boolean queryEncoder) {
            this.queryEncoder = queryEncoder;
            return this;
        }

        public SearchBenchmark build() {
            if (workDir == null) {
                throw new IllegalArgumentException("optWorkDir is required");
            }
            if (queries <= 0 || warmup < 0 || dim <= 0 || threads <= 0 || encoderThreads <= 0 || topVideos <= 0
                    || maxMomentClips <= 0) {
                throw new IllegalArgumentException("queries, dim, threads, encoder threads, top videos and max moment clips "
                        + "must be > 0 and warmup >= 0");
            }
            if (sizes.length == 0 || methods.isEmpty() || java.util.Arrays.stream(sizes).anyMatch(s -> s <= 0)) {
                throw new IllegalArgumentException("need at least one size (each > 0) and one method");
            }
            return new SearchBenchmark(this);
        }
    }
}
