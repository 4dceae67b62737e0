package org.momentgraph.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Parent of the benchmark commands; each subcommand measures one part of the system. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks. Subcommands print one table each.",
        subcommands = {BenchGraphCommand.class, BenchSearchCommand.class},
        footer = {"", "Examples:", "  ./momentgraph bench graph", "  ./momentgraph bench graph --videos 50",
            "  ./momentgraph bench search --sizes 1000,10000 --out runs/bench-search.csv"})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
