package org.momentgraph.server.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code momentgraph} command line: one subcommand per job. */
@Command(
        name = "momentgraph",
        mixinStandardHelpOptions = true,
        version = "MomentGraph 0.1.0",
        description = "Find the moment in a video that a sentence describes, across a corpus of videos.",
        footer = {"", "Examples:",
            "  ./momentgraph demo                                   # generate, train, serve on 127.0.0.1:8080",
            "  ./momentgraph generate --out runs/synthetic --videos 300 --seed 7",
            "  ./momentgraph serve --model ~/.momentgraph/demo/KEY/train/model --corpus runs/synthetic",
            "  ./momentgraph help serve"},
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            GraphCommand.class,
            MetricsCommand.class,
            ServeCommand.class,
            GenerateCommand.class,
            FilterCurveCommand.class,
            BenchCommand.class,
            PredictCommand.class,
            EvalCommand.class,
            AblateCommand.class,
            TrainCommand.class,
        })
public final class MomentGraphCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        return new CommandLine(new MomentGraphCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
