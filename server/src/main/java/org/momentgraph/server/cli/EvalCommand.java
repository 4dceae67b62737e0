package org.momentgraph.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.momentgraph.eval.experiments.Ablations;
import org.momentgraph.eval.experiments.ExperimentConfig;
import org.momentgraph.eval.experiments.ExperimentRunner;
import org.momentgraph.eval.experiments.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandReporting reporting = new CommandReporting(spec);
        if (config == null || !Files.isRegularFile(config)) {
            return reporting.fail("--config FILE is required and must exist" + (config == null ? "" : ": " + config));
        }
        if (model != null && !Files.isDirectory(model)) {
            return reporting.fail("--model " + model + " is not a directory");
        }
        return reporting.failOnBadInput(() -> {
            ExperimentConfig c = ExperimentConfig.read(config);
            var variants = graphComparison ? Ablations.graphComparison(c) : java.util.List.of(Variant.full(c));
            return reporting.printReport(ExperimentRunner.run(c, variants, model, System.err));
        });
    }
}
