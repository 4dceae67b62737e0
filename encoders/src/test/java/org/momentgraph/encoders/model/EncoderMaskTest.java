package org.momentgraph.encoders.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import org.junit.jupiter.api.Test;
import org.momentgraph.encoders.testing.ToyBatch;

/** Shapes and padding: whatever sits in padded tokens/clips never changes the real outputs. */
class EncoderMaskTest {

    private final ModelConfig config = ToyBatch.smallConfig();

    /** Replaces padded steps of [B, T, D] features with noise, and appends extra padded steps. */
    private static NDArray garbleAndExtend(NDArray features, NDArray mask, int extra) {
        NDManager m = features.getManager();
        Shape shape = features.getShape();
        NDArray padding = mask.neg().add(1f).expandDims(2);
        NDArray garbled = features.add(m.randomNormal(shape).mul(5f).mul(padding));
        NDArray tail = m.randomNormal(new Shape(shape.get(0), extra, shape.get(2))).mul(5f);
        return NDArrays.concat(new NDList(garbled, tail), 1);
    }

    private static NDArray extendMask(NDArray mask, int extra) {
        return NDArrays.concat(new NDList(mask, mask.getManager().zeros(new Shape(mask.getShape().get(0), extra))), 1);
    }

    @Test
    void transformerLayerIgnoresPaddedKeysAndZeroesPaddedOutputs() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            TransformerEncoderBlock layer = new TransformerEncoderBlock(16, 4, 32, 0f);
            layer.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            layer.initialize(manager, DataType.FLOAT32, new Shape(2, 5, 16), new Shape(2, 5));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 5, 16));
            NDArray mask = ToyBatch.mask(manager, new int[] {5, 3}, 5);
            NDArray out = layer.forward(ps, new NDList(x, mask), false).head();
            NDArray outLonger = layer.forward(ps,
                    new NDList(garbleAndExtend(x, mask, 4), extendMask(mask, 4)), false).head();

            assertThat(out.getShape()).isEqualTo(new Shape(2, 5, 16));
            float[] real = out.mul(mask.expandDims(2)).toFloatArray();
            float[] realLonger = outLonger.get(":, :5, :").mul(mask.expandDims(2)).toFloatArray();
            for (int i = 0; i < real.length; i++) {
                assertThat(realLonger[i]).isCloseTo(real[i], within(1e-4f));
            }
            assertThat(out.get("1, 3:, :").abs().sum().getFloat()).isZero();
        }
    }

    @Test
    void paddedTokensDoNotChangeTheQueryVectorsOrWeights() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            QueryEncoder encoder = new QueryEncoder(config);
            encoder.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            ToyBatch toy = new ToyBatch(config, 3, 7, 10, 1);
            encoder.initialize(manager, DataType.FLOAT32, new Shape(3, 7, config.queryDim()), new Shape(3, 7));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray tokens = toy.queryTokens(manager);
            NDArray mask = toy.queryMask(manager);
            NDList out = encoder.forward(ps, new NDList(tokens, mask), false);
            NDList outPadded = encoder.forward(ps,
                    new NDList(garbleAndExtend(tokens, mask, 5), extendMask(mask, 5)), false);

            assertThat(out.get(0).getShape()).isEqualTo(new Shape(3, 7, config.hiddenSize()));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(3, config.streamCount(), config.hiddenSize()));
            assertThat(out.get(2).getShape()).isEqualTo(new Shape(3, config.streamCount()));
            assertThat(out.get(1).sub(outPadded.get(1)).abs().max().getFloat()).isLessThan(1e-4f);
            assertThat(out.get(2).sub(outPadded.get(2)).abs().max().getFloat()).isLessThan(1e-5f);
            float[] weightSums = out.get(2).sum(new int[] {1}).toFloatArray();
            for (float sum : weightSums) {
                assertThat(sum).isCloseTo(1f, within(1e-5f));
            }
        }
    }

    @Test
    void paddedClipsDoNotChangeRealClipStatesAcrossStreams() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ModelConfig withVlad = new ModelConfig(12, 16, 10, 6, 32, 2, 4, 64, 0f,
                    PositionEncoding.LEARNED, 64, true, true, true, 4, 16, 3, false, false);
            VideoEncoder encoder = new VideoEncoder(withVlad);
            encoder.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            ToyBatch toy = new ToyBatch(withVlad, 3, 5, 12, 2);
            NDList inputs = toy.videoInputs(manager);
            encoder.initialize(manager, DataType.FLOAT32, inputs.getShapes());
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray mask = toy.clipMask(manager);
            NDList out = encoder.forward(ps, inputs, false);
            NDList garbled = new NDList();
            for (int s = 0; s < withVlad.streamCount(); s++) {
                garbled.add(garbleAndExtend(inputs.get(s), mask, 6));
            }
            garbled.add(extendMask(mask, 6));
            NDList outPadded = encoder.forward(ps, garbled, false);

            NDArray clips = out.get(0);
            assertThat(clips.getShape()).isEqualTo(new Shape(3, 3, 12, 32));
            assertThat(out.get(1).getShape()).isEqualTo(new Shape(3, 3, 32));
            NDArray realMask = mask.expandDims(1).expandDims(3);
            assertThat(clips.mul(realMask).sub(clips).abs().max().getFloat()).isZero();
            assertThat(outPadded.get(0).get(":, :, :12, :").sub(clips).abs().max().getFloat()).isLessThan(1e-4f);
            assertThat(outPadded.get(1).sub(out.get(1)).abs().max().getFloat()).isLessThan(1e-4f);
        }
    }

    @Test
    void learnedPositionsRejectSequencesLongerThanTheTable() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PositionalEmbedding positions = new PositionalEmbedding(PositionEncoding.LEARNED, 8, 4);
            positions.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            positions.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 8));
            ParameterStore ps = new ParameterStore(manager, false);
            assertThat(positions.forward(ps, new NDList(manager.zeros(new Shape(2, 4, 8))), false).head().getShape())
                    .isEqualTo(new Shape(2, 4, 8));
            assertThatThrownBy(() -> positions.forward(ps, new NDList(manager.zeros(new Shape(1, 5, 8))), false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("5 steps exceeds the 4 learned positions");
        }
    }

    @Test
    void sinusoidalPositionsDistinguishStepsForAnyLength() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PositionalEmbedding positions = new PositionalEmbedding(PositionEncoding.SINUSOIDAL, 8, 4);
            positions.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 8));
            ParameterStore ps = new ParameterStore(manager, false);
            NDArray table = positions.forward(ps, new NDList(manager.zeros(new Shape(1, 900, 8))), false).head();
            assertThat(table.getShape()).isEqualTo(new Shape(1, 900, 8));
            // step 0 is sin(0)=0 / cos(0)=1; step 1 differs from step 0
            assertThat(table.get("0, 0, :").toFloatArray()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
            assertThat(table.get("0, 1, :").sub(table.get("0, 0, :")).abs().sum().getFloat()).isGreaterThan(0.1f);
        }
    }

    @Test
    void theCachedSinusoidTableMatchesTheEngineFormulaAtEveryLength() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            int hidden = 128;
            PositionalEmbedding positions = new PositionalEmbedding(PositionEncoding.SINUSOIDAL, hidden, 4);
            positions.initialize(manager, DataType.FLOAT32, new Shape(1, 4, hidden));
            ParameterStore ps = new ParameterStore(manager, false);
            // the formula as engine ops (how the table was built before it was cached)
            int longest = 1100;
            NDArray time = manager.arange(0f, (float) longest, 1f).reshape(longest, 1);
            NDArray frequencies = manager.arange(0f, (float) hidden, 2f).mul((float) (-Math.log(10000.0) / hidden)).exp()
                    .reshape(1, hidden / 2);
            NDArray angles = time.matMul(frequencies);
            NDArray engine = NDArrays.concat(new NDList(angles.sin(), angles.cos()), 1);
            // short, then longer (the cache grows), then short again (a prefix of the cache)
            for (int length : new int[] {7, 1100, 30}) {
                NDArray table = positions.forward(ps, new NDList(manager.zeros(new Shape(1, length, hidden))), false)
                        .head().squeeze(0);
                assertThat(table.getShape()).isEqualTo(new Shape(length, hidden));
                float worst = table.sub(engine.get("0:{}, :", length)).abs().max().getFloat();
                assertThat(worst).as("length %d", length).isLessThan(1e-4f);
            }
        }
    }
}
