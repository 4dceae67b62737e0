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
import java.util.stream.Stream;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.ExactSearch;
import org.momentgraph.encoders.index.HnswSearch;
import org.momentgraph.encoders.index.QuantizedSearch;
import org.momentgraph.encoders.index.SearchHit;
import org.momentgraph.encoders.index.VideoSearch;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.train.ResourceMeter;

/**
 * End-to-end corpus moment retrieval (VCMR) latency on synthetic corpora. Per query, timed as one
 * request: the sentence is encoded (MiniLM, cache off, then the stack's query head), video retrieval
 * takes the top 100 videos (exact, int8 pre-scan + exact re-score, or HNSW), and the moment stage
 * localises inside the top videos. The {@link Stack#MODEL model stack} (default) runs a real
 * {@code DualEncoderModel}: its query encoder, and ConvSE boundary logits over the clip states read
 * from the index; the {@link Stack#STANDIN stand-in} uses a random linear head and decodes raw
 * similarity curves. p50/p99 of each stage and of the total, recall@100 against exact search, index
 * bytes, and peak heap and RSS.
 *
 * <pre>{@code
 * List<SearchBenchmark.Row> rows = SearchBenchmark.builder().optWorkDir(dir).optSizes(1_000, 10_000).build().run();
 * System.out.print(SearchBenchmark.table(rows));
 * }</pre>
 */
public final class SearchBenchmark {

    /** Video retrieval methods the benchmark can time. */
    public enum Method { EXACT, QUANTIZED, HNSW }

    /** What runs around video retrieval: the real model, or the model-free stand-in. */
    public enum Stack { MODEL, STANDIN }

    /**
     * One measured configuration; times in milliseconds, sizes in bytes (-1: unknown). {@code heapIndexBytes}
     * is what the search method holds (exact: the float matrix; quantized: the int8 copy; HNSW: its graph
     * files), {@code mappedBytes} the memory-mapped corpus files (resident only as far as they are read).
     * {@code encode} is the whole query side, {@code text} its MiniLM part (the rest is the query head).
     */
    public record Row(int videos, String stack, String method, double buildSeconds, double encodeP50, double encodeP99,
                      double textP50, double textP99, double vrP50,
                      double vrP99, double momentsP50, double momentsP99, double totalP50, double totalP99,
                      double recallAt100, long heapIndexBytes, long mappedBytes, long peakHeapBytes, long peakRssBytes) {
    }

    static final int TOP_VIDEOS = 100;
    /** The pipeline's defaults ({@code PipelineConfig.defaults()}): moments decoded per video, VR softmax temperature. */
    static final int MOMENTS_PER_VIDEO = 10;
    static final double VR_TEMPERATURE = 0.05;

    private final Builder b;

    private SearchBenchmark(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds (or reuses) each corpus under the work folder and times every method on it. */
    public List<Row> run() {
        int count = b.queries + b.warmup;
        List<String> texts = b.queryEncoder ? QueryTexts.synthetic(count, b.seed) : List.of();
        try (MiniLmTextEncoder encoder = b.queryEncoder
                ? MiniLmTextEncoder.builder().optCacheSize(0).optIntraOpThreads(b.encoderThreads).build() : null;
             VcmrStack stack = b.stack == Stack.STANDIN
                     ? VcmrStacks.standin(encoder, texts, count, b.dim, b.topVideos, b.maxMomentClips, b.seed)
                     : VcmrStacks.model(b.model != null ? b.model : ModelStack.benchModel(b.dim), encoder, texts, count,
                             b.dim, b.topVideos, b.maxMomentClips, b.seed)) {
            for (int q = 0; q < count && encoder != null; q++) {
                stack.queryVector(stack.textFeatures(q)); // warms the JIT, OnnxRuntime and PyTorch like a running server
            }
            description = stack.describe();
            List<Row> rows = new ArrayList<>();
            for (int n : b.sizes) {
                Path dir = b.workDir.resolve("corpus-n" + n + "-d" + b.dim);
                double corpusSeconds = SyntheticCorpus.ensure(dir, n, b.dim, b.seed);
                try (CorpusIndex index = CorpusIndex.opener(dir).optVerifyChecksums(false).open()) {
                    VcmrStack.Localizer localizer = stack.localizer(index);
                    long t0 = System.nanoTime();
                    try (ExactSearch truth = ExactSearch.of(index, b.threads)) {
                        double exactSeconds = corpusSeconds + (System.nanoTime() - t0) / 1e9;
                        for (Method m : b.methods) {
                            Timed timed = new Timed(index, stack, localizer, truth, m);
                            rows.add(m == Method.EXACT ? measure(timed, truth, exactSeconds, truth.heapBytes())
                                    : measureBuilt(timed, dir));
                        }
                    }
                }
            }
            return rows;
        }
    }

    private String description = "";

    /** What the last {@link #run()} measured, for a table caption. */
    public String description() {
        return description;
    }

    /** One method on one corpus, with its stack. */
    private record Timed(CorpusIndex index, VcmrStack stack, VcmrStack.Localizer localizer, ExactSearch truth,
                         Method method) {
    }

    private Row measureBuilt(Timed t, Path dir) {
        long t0 = System.nanoTime();
        if (t.method == Method.QUANTIZED) {
            try (QuantizedSearch quantized = QuantizedSearch.builder().optThreads(b.threads).build(t.index)) {
                return measure(t, quantized, (System.nanoTime() - t0) / 1e9, quantized.heapBytes());
            }
        }
        try (HnswSearch hnsw = HnswSearch.builder().build(t.index)) {
            return measure(t, hnsw, (System.nanoTime() - t0) / 1e9, folderBytes(dir.resolve("hnsw")));
        }
    }

    private Row measure(Timed t, VideoSearch search, double buildSeconds, long heapIndexBytes) {
        Latencies text = new Latencies();
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
            float[][] features = t.stack.textFeatures(q);
            long tText = System.nanoTime();
            float[] query = t.stack.queryVector(features);
            long t1 = System.nanoTime();
            float[] searchVector = t.stack.searchVector(query);
            List<SearchHit> top = search.search(searchVector, TOP_VIDEOS);
            long t2 = System.nanoTime();
            List<Moment> moments = t.localizer.localize(query, top, TOP_VIDEOS);
            long t3 = System.nanoTime();
            checksum += moments.size();
            if (q >= b.warmup) {
                text.add(tText - t0);
                enc.add(t1 - t0);
                vr.add(t2 - t1);
                loc.add(t3 - t2);
                total.add(t3 - t0);
                found += search == t.truth ? 1.0 : recall(t.truth.search(searchVector, TOP_VIDEOS), top); // untimed
            }
        }
        if (checksum < 0) {
            throw new IllegalStateException("unreachable; keeps the moment stage from being optimised away");
        }
        return new Row(t.index.size(), b.stack.name().toLowerCase(), t.method.name().toLowerCase(), buildSeconds,
                enc.percentileMs(50), enc.percentileMs(99), text.percentileMs(50), text.percentileMs(99),
                vr.percentileMs(50), vr.percentileMs(99), loc.percentileMs(50), loc.percentileMs(99), total.percentileMs(50),
                total.percentileMs(99), found / b.queries, heapIndexBytes, t.index.mappedBytes(), ResourceMeter.peakHeapBytes(),
                ResourceMeter.peakRssBytes());
    }

    private static double recall(List<SearchHit> truth, List<SearchHit> approx) {
        Set<Integer> t = new HashSet<>();
        truth.forEach(h -> t.add(h.ordinal()));
        return approx.stream().filter(h -> t.contains(h.ordinal())).count() / (double) Math.max(1, truth.size());
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
        sb.append("| videos | method | build s | encode p50 | encode p99 | MiniLM p50 | MiniLM p99 | VR p50 | VR p99 "
                + "| moments p50 | moments p99 | total p50 | total p99 | recall@100 | index MB | mapped MB | peak heap MB "
                + "| peak RSS MB |\n");
        sb.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            sb.append(String.format("| %d | %s | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f "
                    + "| %.3f | %.2f | %.1f | %.0f | %.0f |%n",
                    r.videos(), r.method(), r.buildSeconds(), r.encodeP50(), r.encodeP99(), r.textP50(), r.textP99(),
                    r.vrP50(), r.vrP99(),
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
        private Stack stack = Stack.MODEL;
        private ModelConfig model;

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

        /** The stack around video retrieval; {@link Stack#MODEL} by default. */
        public Builder optStack(Stack stack) {
            this.stack = stack;
            return this;
        }

        /**
         * The model stack's {@code DualEncoderModel} (initialised, not trained); its streams x hidden must be the
         * index dim. Default: {@code examples/eval-synthetic.json}'s sizes scaled to the dim (hidden = dim / 2).
         */
        public Builder optModel(ModelConfig model) {
            this.model = model;
            return this;
        }

        /** Encode real sentences with MiniLM (default); false uses random MiniLM-shaped features (no text model). */
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
