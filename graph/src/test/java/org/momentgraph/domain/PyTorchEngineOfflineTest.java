package org.momentgraph.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class PyTorchEngineOfflineTest {

    @Test
    void pytorchEngineStartsFromMavenJarsWithoutNetwork() {
        System.setProperty("ai.djl.offline", "true");
        Engine engine = Engine.getEngine("PyTorch");
        assertThat(engine.getEngineName()).isEqualTo("PyTorch");
        assertThat(engine.getVersion()).startsWith("2.7.1");
        try (NDManager manager = NDManager.newBaseManager(engine.getEngineName())) {
            NDArray a = manager.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
            float[] product = a.matMul(a).toFloatArray();
            assertThat(product).containsExactly(7f, 10f, 15f, 22f);
        }
    }
}
