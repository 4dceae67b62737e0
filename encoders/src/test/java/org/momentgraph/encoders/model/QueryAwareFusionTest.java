package org.momentgraph.encoders.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import org.junit.jupiter.api.Test;
import org.momentgraph.encoders.testing.ToyBatch;

class QueryAwareFusionTest {

    private static ModelConfig config(boolean fusion, boolean queryWeights) {
        ModelConfig c = ToyBatch.smallConfig();
        return new ModelConfig(c.queryDim(), c.visualDim(), c.subtitleDim(), c.graphDim(), c.hiddenSize(), c.layers(),
                c.heads(), c.ffnSize(), 0f, c.positions(), c.maxPositions(), true, queryWeights, fusion, 0, 16, 3, false, false);
    }

    private static NDArray weights(NDManager m, ModelConfig config, NDArray prior) {
        QueryAwareFusion fusion = new QueryAwareFusion(config);
        fusion.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        Shape streams = new Shape(1, 3, 32);
        fusion.initialize(m, DataType.FLOAT32, streams, new Shape(1, 3), streams);
        m.getEngine().setRandomSeed(5);
        NDArray queries = m.randomNormal(new Shape(4, 3, 32));
        NDArray summaries = m.randomNormal(new Shape(5, 3, 32));
        return fusion.forward(new ParameterStore(m, false), new NDList(queries, prior, summaries), false).head();
    }

    @Test
    void queryConditionedWeightsAreDistributionsThatDependOnTheQuery() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray w = weights(m, config(true, true), m.full(new Shape(4, 3), 1f / 3));
            assertThat(w.getShape()).isEqualTo(new Shape(4, 5, 3));
            assertThat(w.sum(new int[] {2}).sub(1f).abs().max().getFloat()).isLessThan(1e-5f);
            assertThat(w.min().getFloat()).isGreaterThan(0f);
            // different queries mix the streams of the same video differently
            assertThat(w.get("0, 0, :").sub(w.get("1, 0, :")).abs().max().getFloat()).isGreaterThan(1e-3f);
        }
    }

    @Test
    void disabledFusionFallsBackToTheQueryWeightsOrTheMean() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray uniform = m.full(new Shape(4, 3), 1f / 3);
            NDArray mean = weights(m, config(false, false), uniform);
            assertThat(mean.sub(1f / 3).abs().max().getFloat()).isZero();
            NDArray prior = m.create(new float[] {0.5f, 0.3f, 0.2f}).broadcast(new Shape(4, 3));
            NDArray fromPrior = weights(m, config(false, true), prior);
            assertThat(fromPrior.get("2, 4, :").toFloatArray()).containsExactly(0.5f, 0.3f, 0.2f);
        }
    }
}
