package org.momentgraph.server.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.graph.mp.FilterLatencyBenchmark;
import org.momentgraph.graph.track.AssignmentMethod;
import org.momentgraph.graph.video.GraphBuildBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Graph-building throughput and clip-filter latency on generated videos. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print graph-building throughput (tracking + relation graphs) and clip-filter latency per "
                + "query per video (graph network vs presence baseline) on generated 60 s videos.",
        footer = {"", "Example:", "  ./momentgraph bench graph --videos 20"})
final class BenchGraphCommand implements Callable<Integer> {

    @Option(names = "--videos", defaultValue = "20", description = "generated videos per setting (default: ${DEFAULT-VALUE})")
    int videos;

    @Option(names = "--seed", defaultValue = "1", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        if (videos < 1) {
            System.err.println("momentgraph bench graph: --videos must be >= 1");
            return 2;
        }
        int[] objects = {4, 8, 16};
        System.out.println("graph building");
        System.out.print(GraphBuildBenchmark.table(GraphBuildBenchmark.run(videos, objects,
                List.of(AssignmentMethod.values()), seed)));
        System.out.println();
        System.out.println("clip filter latency (MiniLM label embeddings, hidden 32, 2 rounds)");
        try (MiniLmTextEncoder encoder = MiniLmTextEncoder.builder().build()) {
            System.out.print(FilterLatencyBenchmark.table(FilterLatencyBenchmark.run(videos, objects,
                    new LabelEmbeddings(encoder), MiniLmTextEncoder.DIM, seed)));
        }
        return 0;
    }
}
