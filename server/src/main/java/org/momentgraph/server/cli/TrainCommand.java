package org.momentgraph.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.eval.train.TrainRun;
import org.momentgraph.eval.train.TrainRunConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains the dual-encoder retriever; the work is {@link TrainRun}'s. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the dual-encoder moment retriever from a JSON config: checkpoints every epoch, "
                + "validation curves (history.csv, loss.png, metrics.png), the final model directory OUT/model "
                + "and OUT/report.json with VR/SVMR/VCMR scores on the evaluation splits.",
        footer = {"", "Examples:",
            "  ./momentgraph train --config examples/train-synthetic.json --out runs/train",
            "  ./momentgraph train --config examples/train-synthetic.json --out runs/train --resume"})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, description = "Training config (JSON).")
    Path config;

    @Option(names = "--out", required = true, description = "Output folder (checkpoints, curves, model, report).")
    Path out;

    @Option(names = "--resume", description = "Continue from the newest checkpoint in --out (Adam's moments restart).")
    boolean resume;

    @Option(names = "--threads", defaultValue = "1",
            description = "PyTorch threads (default: ${DEFAULT-VALUE}; 1 makes runs reproducible).")
    int threads;

    @Override
    public Integer call() {
        // must precede the engine's first use
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("org.slf4j.simpleLogger.log.io.jhdf", "error");
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "warn");
        try {
            TrainRun.run(TrainRunConfig.read(config), out, resume, System.err);
            return 0;
        } catch (DataFormatException | IllegalArgumentException | UnsupportedOperationException e) {
            System.err.println("train: " + e.getMessage());
            return 2;
        }
    }
}
