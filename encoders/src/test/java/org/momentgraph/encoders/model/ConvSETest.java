package org.momentgraph.encoders.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.momentgraph.encoders.loss.LocalizationLoss;
import org.momentgraph.encoders.testing.AdamSteps;
import org.momentgraph.encoders.testing.ToyBatch;

/** ConvSE + localization loss learn to put start/end on the edges of a planted plateau. */
class ConvSETest {

    private static final int BATCH = 32;
    private static final int CLIPS = 24;

    /** Similarity curves: a noisy plateau on [start, end], noise elsewhere; trailing padding. */
    private record Curves(float[] values, int[] lengths, int[] starts, int[] ends) {
        static Curves generate(long seed) {
            Random random = new Random(seed);
            float[] values = new float[BATCH * CLIPS];
            int[] lengths = new int[BATCH];
            int[] starts = new int[BATCH];
            int[] ends = new int[BATCH];
            for (int b = 0; b < BATCH; b++) {
                lengths[b] = 16 + random.nextInt(CLIPS - 15);
                int span = 2 + random.nextInt(5);
                starts[b] = random.nextInt(lengths[b] - span + 1);
                ends[b] = starts[b] + span - 1;
                for (int l = 0; l < lengths[b]; l++) {
                    boolean inside = l >= starts[b] && l <= ends[b];
                    values[b * CLIPS + l] = (inside ? 0.7f : -0.1f) + 0.1f * (float) random.nextGaussian();
                }
            }
            return new Curves(values, lengths, starts, ends);
        }

        NDList inputs(NDManager m) {
            return new NDList(m.create(values, new Shape(BATCH, CLIPS)), ToyBatch.mask(m, lengths, CLIPS));
        }
    }

    private static ConvSE newConvSE(NDManager manager) {
        ModelConfig config = ToyBatch.smallConfig();
        config = new ModelConfig(config.queryDim(), config.visualDim(), config.subtitleDim(), config.graphDim(),
                config.hiddenSize(), config.layers(), config.heads(), config.ffnSize(), 0f, config.positions(),
                config.maxPositions(), true, true, true, 0, 16, 5, false, false);
        ConvSE convSE = new ConvSE(config);
        convSE.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        convSE.initialize(manager, DataType.FLOAT32, new Shape(BATCH, CLIPS), new Shape(BATCH, CLIPS));
        return convSE;
    }

    @Test
    void learnsToPlaceStartAndEndOnPlantedEdges() {
        Curves train = Curves.generate(1);
        Curves heldOut = Curves.generate(2);
        LocalizationLoss loss = new LocalizationLoss();
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ConvSE convSE = newConvSE(manager);
            float[] losses = AdamSteps.run(convSE, manager, 150, 1e-2f, (step, ps) -> {
                NDList in = train.inputs(step);
                NDList out = convSE.forward(ps, in, true);
                return loss.compute(out.get(0), out.get(1), in.get(1),
                        step.create(train.starts()), step.create(train.ends()));
            });
            assertThat(losses[losses.length - 1]).isLessThan(losses[0] / 4);

            NDList in = heldOut.inputs(manager);
            NDList out = convSE.forward(new ParameterStore(manager, false), in, false);
            long[] startHit = out.get(0).argMax(1).toLongArray();
            long[] endHit = out.get(1).argMax(1).toLongArray();
            int hits = 0;
            for (int b = 0; b < BATCH; b++) {
                hits += (startHit[b] == heldOut.starts()[b] ? 1 : 0) + (endHit[b] == heldOut.ends()[b] ? 1 : 0);
            }
            assertThat(hits).as("start/end argmax hits of %d", 2 * BATCH).isGreaterThanOrEqualTo((int) (0.85 * 2 * BATCH));
        }
    }

    @Test
    void paddedClipsGetNoProbability() {
        Curves curves = Curves.generate(3);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ConvSE convSE = newConvSE(manager);
            NDList in = curves.inputs(manager);
            NDList out = convSE.forward(new ParameterStore(manager, false), in, false);
            NDArray padding = in.get(1).neg().add(1f);
            for (NDArray logits : out) {
                NDArray probabilities = logits.softmax(1);
                assertThat(probabilities.mul(padding).sum().getFloat()).isZero();
                assertThat(probabilities.sum(new int[] {1}).sub(1f).abs().max().getFloat()).isLessThan(1e-5f);
            }
        }
    }

    @Test
    void aVideosLogitsDoNotDependOnHowMuchItIsPadded() {
        Curves curves = Curves.generate(4);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ConvSE convSE = newConvSE(manager);
            // non-zero biases: relu(bias) on padded clips is what used to leak into the last real clips
            convSE.setInitializer(new NormalInitializer(0.5f), Parameter.Type.BIAS);
            convSE.initialize(manager, DataType.FLOAT32, new Shape(BATCH, CLIPS), new Shape(BATCH, CLIPS));
            ParameterStore ps = new ParameterStore(manager, false);
            float[] padded = convSE.forward(ps, curves.inputs(manager), false).get(1).toFloatArray();
            for (int b = 0; b < 4; b++) {
                int length = curves.lengths()[b];
                assertThat(length).isLessThan(CLIPS + 1);
                float[] alone = new float[length];
                System.arraycopy(curves.values(), b * CLIPS, alone, 0, length);
                float[] ones = new float[length];
                java.util.Arrays.fill(ones, 1f);
                float[] end = convSE.forward(ps, new NDList(manager.create(alone, new Shape(1, length)),
                        manager.create(ones, new Shape(1, length))), false).get(1).toFloatArray();
                for (int l = 0; l < length; l++) {
                    assertThat(end[l]).as("video %d clip %d of %d", b, l, length)
                            .isCloseTo(padded[b * CLIPS + l], org.assertj.core.api.Assertions.within(1e-5f));
                }
            }
        }
    }
}
