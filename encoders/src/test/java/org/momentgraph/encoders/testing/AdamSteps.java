package org.momentgraph.encoders.testing;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.function.BiFunction;

/** A few Adam steps with a {@link GradientCollector}: returns the loss before each step. */
public final class AdamSteps {

    private AdamSteps() {
    }

    /**
     * @param lossOfStep builds the scalar loss in a per-step manager (closed after the step)
     */
    public static float[] run(Block block, NDManager manager, int steps, float learningRate,
            BiFunction<NDManager, ParameterStore, NDArray> lossOfStep) {
        // dropout draws from the engine's generator: seeded, a test sees the same run every time
        Engine.getEngine("PyTorch").setRandomSeed(1234);
        ParameterStore store = new ParameterStore(manager, false);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build();
        float[] losses = new float[steps];
        for (int step = 0; step < steps; step++) {
            try (NDManager stepManager = manager.newSubManager()) {
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = lossOfStep.apply(stepManager, store);
                    losses[step] = loss.getFloat();
                    collector.backward(loss);
                }
                // the same guard as RetrievalTrainer: a non-finite gradient skips the step rather than
                // poisoning Adam's moments (seen near zero loss; see RetrievalTrainer#step)
                boolean finite = Float.isFinite(losses[step]);
                for (Pair<String, Parameter> parameter : block.getParameters()) {
                    try (NDArray gradient = parameter.getValue().getArray().getGradient();
                            NDArray sum = gradient.sum()) {
                        finite &= Float.isFinite(sum.getFloat());
                    }
                }
                for (Pair<String, Parameter> parameter : block.getParameters()) {
                    NDArray weight = parameter.getValue().getArray();
                    try (NDArray gradient = weight.getGradient()) {
                        if (finite) {
                            adam.update(parameter.getValue().getId(), weight, gradient);
                        }
                        gradient.set(new ai.djl.ndarray.index.NDIndex("..."), 0);
                    }
                }
            }
        }
        return losses;
    }
}
