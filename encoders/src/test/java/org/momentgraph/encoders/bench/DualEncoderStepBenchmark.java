package org.momentgraph.encoders.bench;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import org.momentgraph.encoders.loss.CombinedLoss;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.DualEncoderOutput;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.model.VideoEncoder;
import org.momentgraph.encoders.testing.AdamSteps;
import org.momentgraph.encoders.testing.ToyBatch;

/**
 * Reports (never asserts) the cost of the default model on this machine: one training step
 * (forward + backward + Adam) for 32 query-video pairs x 64 clips with every loss on, and the
 * video encoder's inference throughput in clips/s (batches of 32 x 64 clips, and one 800-clip video).
 * Run from the encoders module with the test classpath; PyTorch threads via -Dai.djl.pytorch.num_threads.
 */
public final class DualEncoderStepBenchmark {

    public static void main(String[] args) {
        ModelConfig config = ModelConfig.defaults();
        int batch = 32;
        int tokens = 20;
        int clips = 64;
        ToyBatch toy = new ToyBatch(config, batch, tokens, clips, 1);
        CombinedLoss loss = new CombinedLoss(LossConfig.defaults());
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DualEncoderModel model = new DualEncoderModel(config);
            model.initialize(manager, DataType.FLOAT32, model.inputShapes(batch, tokens, clips));
            long parameters = model.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            System.out.printf("default config: %s%nparameters: %,d%n", config.toJson().replace("\n", ""), parameters);
            AdamSteps.run(model, manager, 2, 1e-4f, (step, ps) -> stepLoss(model, loss, toy, step, ps)); // warm-up
            int steps = 10;
            long start = System.nanoTime();
            float[] losses = AdamSteps.run(model, manager, steps, 1e-4f,
                    (step, ps) -> stepLoss(model, loss, toy, step, ps));
            double msPerStep = (System.nanoTime() - start) / 1e6 / steps;
            System.out.printf("train step (B=%d, T=%d, L=%d, all losses): %.1f ms/step (loss %.3f -> %.3f)%n",
                    batch, tokens, clips, msPerStep, losses[0], losses[steps - 1]);

            VideoEncoder video = model.videoEncoder();
            ParameterStore ps = new ParameterStore(manager, false);
            for (int[] shape : new int[][] {{batch, clips}, {1, 800}}) {
                ToyBatch videos = new ToyBatch(config, shape[0], 4, shape[1], 2);
                int repeats = 5;
                long begin = 0;
                for (int r = -1; r < repeats; r++) { // r = -1 warms up
                    if (r == 0) {
                        begin = System.nanoTime();
                    }
                    try (NDManager step = manager.newSubManager()) {
                        video.forward(ps, videos.videoInputs(step), false).head().toFloatArray();
                    }
                }
                double seconds = (System.nanoTime() - begin) / 1e9 / repeats;
                System.out.printf("video encoder forward, %d x %d clips: %.1f ms/batch, %.0f clips/s%n",
                        shape[0], shape[1], seconds * 1e3, shape[0] * shape[1] / seconds);
            }
        }
    }

    private static ai.djl.ndarray.NDArray stepLoss(DualEncoderModel model, CombinedLoss loss, ToyBatch toy,
            NDManager step, ParameterStore ps) {
        NDList inputs = toy.modelInputs(step);
        DualEncoderOutput out = DualEncoderOutput.of(model.forward(ps, inputs, true));
        return loss.compute(out, inputs.get(inputs.size() - 1), toy.startIndices(step), toy.endIndices(step)).total();
    }
}
