package org.momentgraph.encoders.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.model.PositionEncoding;
import org.momentgraph.encoders.modeldir.TrainInfo;
import org.momentgraph.encoders.testing.ToyCorpus;
import org.junit.jupiter.api.Test;

/** The folded boundary detector against the model's own fusion and ConvSE blocks. */
class QueryFoldedConvSETest {

    private static final int HIDDEN = 16;

    @ParameterizedTest(name = "{0} streams, query-aware fusion {1}, kernel {2}")
    @CsvSource({"2, true, 5", "3, true, 3", "1, false, 5", "2, false, 1"})
    void givesTheBlocksLogitsForEveryVideoAndQuery(int streams, boolean fusion, int kernel) {
        ModelConfig config = config(streams, fusion, kernel, true);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DualEncoderModel model = randomModel(manager, config);
            Random random = new Random(streams * 10L + kernel);
            // lengths below, at and above the kernel; an all-zero clip takes the norm's epsilon
            List<EncodedVideo> videos = new ArrayList<>();
            for (int length : new int[] {1, 2, 4, 9, 33, 60}) {
                videos.add(video(random, streams, length));
            }
            java.util.Arrays.fill(videos.get(3).clipStates(), 0, HIDDEN, 0f);
            float[] first = query(random, streams);
            float[] second = query(random, streams);
            // runs of one query, a switch, and the first query again; then one query over all six, split in halves
            List<float[]> switching = List.of(first, first, first, second, second, first.clone());
            List<float[]> one = java.util.Collections.nCopies(videos.size(), second);
            try (LoadedRetriever retriever = LoadedRetriever.of(model, info(), null)) {
                for (List<float[]> queries : List.of(switching, one)) {
                    assertMatch(retriever.boundaryLogits(queries, videos), retriever.blockBoundaryLogits(queries, videos),
                            videos);
                }
            }
        }
    }

    private static void assertMatch(List<float[][]> folded, List<float[][]> blocks, List<EncodedVideo> videos) {
        assertThat(folded).hasSize(videos.size());
        for (int i = 0; i < videos.size(); i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(folded.get(i)[j]).hasSize(videos.get(i).length());
                for (int c = 0; c < videos.get(i).length(); c++) {
                    float expected = blocks.get(i)[j][c];
                    assertThat(Math.abs(folded.get(i)[j][c] - expected))
                            .as("video %d, %s logit of clip %d", i, j == 0 ? "start" : "end", c)
                            .isLessThan(1e-4f * Math.max(1, Math.abs(expected)));
                }
            }
        }
    }

    @Test
    void onlyFoldsConvSEOnTheCurveAndQueryProducts() {
        assertThat(QueryFoldedConvSE.supports(config(2, true, 5, true))).isTrue();
        assertThat(QueryFoldedConvSE.supports(config(2, true, 5, false))).isFalse();
        assertThat(QueryFoldedConvSE.supports(ToyCorpus.config())).isFalse(); // products off: the blocks run
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DualEncoderModel model = randomModel(manager, config(2, true, 5, false));
            assertThatThrownBy(() -> QueryFoldedConvSE.of(model)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("folding needs");
        }
    }

    private static ModelConfig config(int streams, boolean fusion, int kernel, boolean products) {
        return new ModelConfig(12, 10, streams > 2 ? 7 : 0, streams > 1 ? 6 : 0, HIDDEN, 1, 4, 32, 0f,
                PositionEncoding.SINUSOIDAL, 64, true, true, fusion, 0, 8, kernel, false, products);
    }

    /** An initialised model with every parameter, biases too, drawn from N(0, 0.5). */
    private static DualEncoderModel randomModel(NDManager manager, ModelConfig config) {
        DualEncoderModel model = new DualEncoderModel(config);
        model.initialize(manager, DataType.FLOAT32, model.inputShapes(1, 1, config.convKernel()));
        Random random = new Random(3);
        for (Pair<String, Parameter> p : model.getParameters()) {
            NDArray array = p.getValue().getArray();
            float[] values = new float[(int) array.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian() * 0.5f;
            }
            array.set(values);
        }
        return model;
    }

    private static EncodedVideo video(Random random, int streams, int length) {
        float[] states = gaussian(random, streams * length * HIDDEN);
        float[] summaries = EncodedVideo.meanOverClips(states, streams, length, HIDDEN);
        return new EncodedVideo(new Video("v" + length, length * 2.0, 2.0), streams, HIDDEN, length, states, summaries,
                null);
    }

    /** Stream queries, then stream weights that sum to 1 as the query encoder's do. */
    private static float[] query(Random random, int streams) {
        float[] q = gaussian(random, streams * HIDDEN + streams);
        double sum = 0;
        for (int s = 0; s < streams; s++) {
            q[streams * HIDDEN + s] = 0.1f + random.nextFloat();
            sum += q[streams * HIDDEN + s];
        }
        for (int s = 0; s < streams; s++) {
            q[streams * HIDDEN + s] /= (float) sum;
        }
        return q;
    }

    private static float[] gaussian(Random random, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }

    private static TrainInfo info() {
        return new TrainInfo("toy", "toy", 7, 1, 0, List.of("visual"), 2.0, "toy", "toy", List.of(), 0, 64, 8);
    }
}
