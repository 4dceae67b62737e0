package org.momentgraph.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.eval.experiments.Ablations;
import org.momentgraph.eval.experiments.ExperimentConfig;
import org.momentgraph.eval.experiments.ExperimentRunner;
import org.momentgraph.eval.experiments.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains (or loads), predicts and scores one config; prints the metrics table as markdown and JSON. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Train (or load) the retriever, predict VR/SVMR/VCMR with the search pipeline and score with "
                + "TVR's rules. Synthetic: train/val/test splits, rows per difficulty. TVR/TVQA+: 5 episode folds, "
                + "mean over folds next to the zero-shot, box-prior and positional-prior baselines.",
        footer = {"", "Examples:",
            "  ./momentgraph eval --config examples/eval-synthetic.json",
            "  ./momentgraph eval --config examples/eval-tvr.json",
            "  ./momentgraph eval --config examples/eval-synthetic.json --model runs/train/model --graph-comparison"})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--config", description = "Experiment config JSON (see examples/eval-*.json).")
    Path config;

    @Option(names = "--model", description = "A trained model directory to evaluate instead of training (synthetic only).")
    Path model;

    @Option(names = "--graph-comparison", description = "Also run the variant without graph stream and clip filter.")
    boolean graphComparison;

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
        if (model != null && !Files.isDirectory(model)) {
            return fail("--model " + model + " is not a directory");
        }
        try {
            ExperimentConfig c = ExperimentConfig.read(config);
            var variants = graphComparison ? Ablations.graphComparison(c) : java.util.List.of(Variant.full(c));
            ExperimentRunner.Report report = ExperimentRunner.run(c, variants, model, System.err);
            spec.commandLine().getOut().println(report.markdown());
            spec.commandLine().getOut().println(report.json().toPrettyString());
            spec.commandLine().getOut().flush();
            System.err.println("eval: wrote " + report.jsonFile());
            return 0;
        } catch (DataFormatException | IllegalArgumentException e) {
            return fail(e.getMessage());
        }
    }
}
