package org.momentgraph.server.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.momentgraph.eval.bench.RecordRows;
import org.momentgraph.eval.bench.SearchBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** End-to-end corpus moment retrieval latency and memory on synthetic corpora. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Print VCMR latency per query (p50/p99 of query encoding, video retrieval, moment decoding "
                + "over the top videos, and the total), recall@100 against exact search, index bytes and peak "
                + "heap/RSS, on synthetic corpora (built once under --work and reused). The model stack runs MiniLM, "
                + "an initialised DualEncoderModel's query encoder, and its ConvSE boundary logits over clip states "
                + "read from the index; the stand-in stack a random linear head and raw similarity curves.",
        footer = {"", "Examples:", "  ./momentgraph bench search",
            "  ./momentgraph bench search --stack standin --sizes 1000",
            "  ./momentgraph bench search --sizes 10000 --methods quantized --queries 500 --out runs/bench-search.csv"})
final class BenchSearchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "1000,10000,100000",
            description = "corpus sizes in videos (default: ${DEFAULT-VALUE})")
    int[] sizes;

    @Option(names = "--methods", split = ",", paramLabel = "M", defaultValue = "exact,quantized,hnsw",
            description = "video retrieval methods: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    List<SearchBenchmark.Method> methods;

    @Option(names = "--stack", defaultValue = "model",
            description = "what runs around video retrieval: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    SearchBenchmark.Stack stack;

    @Option(names = "--dim", defaultValue = "256",
            description = "index vector dimension; the model stack's hidden size is dim / 2 (default: ${DEFAULT-VALUE})")
    int dim;

    @Option(names = "--queries", defaultValue = "300", description = "measured queries per row (default: ${DEFAULT-VALUE})")
    int queries;

    @Option(names = "--warmup", defaultValue = "100", description = "unmeasured queries first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--threads", defaultValue = "2", description = "video retrieval threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--encoder-threads", defaultValue = "1",
            description = "OnnxRuntime intra-op threads of the query encoder (default: ${DEFAULT-VALUE})")
    int encoderThreads;

    @Option(names = "--torch-threads", defaultValue = "1",
            description = "PyTorch intra-op threads of the model stack (default: ${DEFAULT-VALUE})")
    int torchThreads;

    @Option(names = "--top-videos", defaultValue = "10",
            description = "videos whose moments are decoded per query (default: ${DEFAULT-VALUE})")
    int topVideos;

    @Option(names = "--no-encoder", description = "random MiniLM-shaped features instead of encoding sentences with MiniLM")
    boolean noEncoder;

    @Option(names = "--work", paramLabel = "DIR", description = "folder for the corpora (default: ~/.momentgraph/bench-search)")
    Path work;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the rows: .json for JSON, otherwise CSV")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "corpus and query seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        CommandReporting reporting = new CommandReporting(spec);
        return reporting.failOnBadInput(() -> {
            // read when the PyTorch engine starts, so only the first model in this JVM sees it
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(torchThreads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            Path dir = work != null ? work : Path.of(System.getProperty("user.home"), ".momentgraph", "bench-search");
            SearchBenchmark bench = SearchBenchmark.builder().optWorkDir(dir).optSizes(sizes).optDim(dim)
                    .optQueries(queries, warmup).optThreads(threads).optEncoderThreads(encoderThreads)
                    .optMethods(EnumSet.copyOf(methods)).optTopVideos(topVideos).optQueryEncoder(!noEncoder)
                    .optStack(stack).optSeed(seed).build();
            List<SearchBenchmark.Row> rows = bench.run();
            PrintWriter o = spec.commandLine().getOut();
            o.printf("VCMR search latency in ms per query (%d measured, %s), %d retrieval threads, %d encoder threads, "
                    + "%d PyTorch threads, moments over the top %d videos%n%s%n%n", queries,
                    noEncoder ? "random MiniLM-shaped features" : "MiniLM-encoded synthetic queries", threads, encoderThreads,
                    torchThreads, topVideos, bench.description());
            o.print(SearchBenchmark.table(rows));
            o.flush();
            if (out != null) {
                try {
                    RecordRows.write(out, rows);
                } catch (UncheckedIOException e) {
                    return reporting.fail(e.getMessage());
                }
                spec.commandLine().getErr().println(spec.name() + ": wrote " + out);
            }
            return 0;
        });
    }
}
