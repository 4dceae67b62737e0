package org.momentgraph.encoders.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The convolution against its definition, batched, at the shapes where the engine's Conv1d went wrong. */
class MatMulConv1dTest {

    @ParameterizedTest(name = "batch {0}, {1} channels, {2} filters, {3} steps, kernel {4}")
    @CsvSource({"3, 257, 32, 50, 5", "2, 33, 8, 7, 3", "4, 5, 2, 1, 3", "2, 6, 3, 9, 1"})
    void matchesTheDefinitionForEverySampleOfABatch(int batch, int channels, int filters, int steps, int kernel) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            manager.getEngine().setRandomSeed(5);
            MatMulConv1d conv = new MatMulConv1d(channels, filters, kernel);
            conv.setInitializer(new NormalInitializer(0.5f), Parameter.Type.BIAS);
            conv.initialize(manager, DataType.FLOAT32, new Shape(batch, channels, steps));
            NDArray x = manager.randomNormal(new Shape(batch, channels, steps));
            float[] out = conv.forward(new ParameterStore(manager, false), new NDList(x), false).head().toFloatArray();
            float[] in = x.toFloatArray();
            float[] w = conv.weightValues();
            float[] bias = conv.biasValues();
            assertThat(bias).isNotEqualTo(new float[filters]);
            for (int b = 0; b < batch; b++) {
                for (int o = 0; o < filters; o++) {
                    for (int t = 0; t < steps; t++) {
                        double sum = bias[o];
                        for (int c = 0; c < channels; c++) {
                            for (int k = 0; k < kernel; k++) {
                                int source = t + k - kernel / 2;
                                if (source >= 0 && source < steps) {
                                    sum += w[(o * channels + c) * kernel + k] * in[(b * channels + c) * steps + source];
                                }
                            }
                        }
                        assertThat(out[(b * filters + o) * steps + t]).as("sample %d filter %d step %d", b, o, t)
                                .isCloseTo((float) sum, org.assertj.core.api.Assertions.within(1e-4f * (float) Math.max(1, Math.abs(sum))));
                    }
                }
            }
        }
    }

    @Test
    void refusesWeightsSavedByTheEnginesConv1d() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            ai.djl.nn.convolutional.Conv1d engine = ai.djl.nn.convolutional.Conv1d.builder().setKernelShape(new Shape(3))
                    .setFilters(2).optPadding(new Shape(1)).build();
            engine.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 3));
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            engine.saveParameters(new java.io.DataOutputStream(bytes));
            MatMulConv1d conv = new MatMulConv1d(4, 2, 3);
            conv.initialize(manager, DataType.FLOAT32, new Shape(1, 4, 3));
            assertThatThrownBy(() -> conv.loadParameters(manager,
                    new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))))
                    .isInstanceOf(ai.djl.MalformedModelException.class).hasMessageContaining("retrain the model");
        }
    }

    @Test
    void takesOnlyOddKernels() {
        assertThatThrownBy(() -> new MatMulConv1d(4, 2, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd kernel");
    }
}
