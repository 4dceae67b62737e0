package org.momentgraph.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.momentgraph.eval.experiments.Ablations;
import org.momentgraph.eval.experiments.ExperimentConfig;
import org.momentgraph.eval.experiments.ExperimentRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Trains and scores every ablation of a config into one table. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = "Ablations of a config, one model each, one table: full; no clip filter (\"no graph filter\" "
                + "when the config's filter is \"graph\"); no graph stream; no graph (stream + filter); no VideoCL; "
                + "no FrameCL; no VVCL; no QCF (query-aware fusion off).",
        footer = {"", "Examples:", "  ./momentgraph ablate --config examples/eval-synthetic.json",
            "  ./momentgraph ablate --config examples/eval-synthetic-iw0.json"})
final class AblateCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Experiment config JSON (as for eval).")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandReporting reporting = new CommandReporting(spec);
        if (config == null || !Files.isRegularFile(config)) {
            return reporting.fail("--config FILE is required and must exist" + (config == null ? "" : ": " + config));
        }
        return reporting.failOnBadInput(() -> {
            ExperimentConfig c = ExperimentConfig.read(config);
            return reporting.printReport(ExperimentRunner.run(c, Ablations.of(c), null, System.err));
        });
    }
}
