package org.momentgraph.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.eval.experiments.Ablations;
import org.momentgraph.eval.experiments.ExperimentConfig;
import org.momentgraph.eval.experiments.ExperimentRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains and scores every ablation of a config into one table. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = "Ablations of a config, one model each, one table: full; no clip filter; no graph stream; "
                + "no graph (stream + filter); no VideoCL; no FrameCL; no VVCL; no QCF (query-aware fusion off).",
        footer = {"", "Example:", "  ./momentgraph ablate --config examples/eval-synthetic.json"})
final class AblateCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Experiment config JSON (as for eval).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private int fail(String message) {
        spec.commandLine().getErr().println(spec.name() + ": " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }

    @Override
    public Integer call() {
        if (config == null || !Files.isRegularFile(config)) {
            return fail("--config FILE is required and must exist" + (config == null ? "" : ": " + config));
        }
        try {
            ExperimentConfig c = ExperimentConfig.read(config);
            ExperimentRunner.Report report = ExperimentRunner.run(c, Ablations.of(c), null, System.err);
            spec.commandLine().getOut().println(report.markdown());
            spec.commandLine().getOut().println(report.json().toPrettyString());
            spec.commandLine().getOut().flush();
            System.err.println("ablate: wrote " + report.jsonFile());
            return 0;
        } catch (DataFormatException | IllegalArgumentException e) {
            return fail(e.getMessage());
        }
    }
}
