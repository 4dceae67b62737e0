package org.momentgraph.encoders.train;

import java.nio.file.Path;

/**
 * The outcome of {@link RetrievalTrainer#train()}.
 *
 * @param modelDir the final model directory
 * @param history every epoch of the run (resumed ones included)
 * @param trainSeconds training-step wall time of this invocation
 * @param queriesPerSecond training throughput of this invocation
 * @param peakHeapBytes peak JVM heap
 * @param peakRssBytes peak resident memory of the process (native included), -1 if unknown
 * @param resumedFromEpoch the checkpoint epoch this invocation started after, 0 for a fresh run
 * @param skippedSteps steps of this invocation skipped because the loss or a gradient was not finite
 */
public record TrainResult(Path modelDir, TrainingHistory history, double trainSeconds, double queriesPerSecond,
        long peakHeapBytes, long peakRssBytes, int resumedFromEpoch, int skippedSteps) {
}
