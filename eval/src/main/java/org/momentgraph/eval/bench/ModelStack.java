package org.momentgraph.eval.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.inference.LoadedRetriever;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.modeldir.TrainInfo;
import org.momentgraph.encoders.text.MiniLmTextEncoder;

/**
 * The real search stack on a freshly initialised {@link DualEncoderModel}: MiniLM token states, the
 * model's query encoder ({@link LoadedRetriever#encodeQueryTokens}), video retrieval with the
 * pipeline's dot-product proxy (stream queries times stream weights against the stored per-stream
 * summaries, what {@code SearchCorpus.preselect} searches with), and ConvSE boundary logits plus
 * decoding over the top videos ({@link ModelMoments}). Latency does not depend on weight values, so
 * untrained weights time the same work as trained ones.
 */
final class ModelStack implements VcmrStack {

    private final MiniLmTextEncoder text;
    private final List<String> texts;
    private final List<float[][]> random;
    private final NDManager manager;
    private final LoadedRetriever retriever;
    private final int topVideos;
    private final int momentsPerVideo;
    private final double temperature;

    /** {@code text} null: {@code random} holds token features for every query. */
    ModelStack(ModelConfig config, TrainInfo info, MiniLmTextEncoder text, List<String> texts, List<float[][]> random,
            int topVideos, int momentsPerVideo, double temperature) {
        this.text = text;
        this.texts = texts;
        this.random = random;
        this.topVideos = topVideos;
        this.momentsPerVideo = momentsPerVideo;
        this.temperature = temperature;
        this.manager = NDManager.newBaseManager("PyTorch");
        try {
            DualEncoderModel model = new DualEncoderModel(config);
            model.initialize(manager, DataType.FLOAT32, model.inputShapes(1, 1, config.convKernel()));
            this.retriever = LoadedRetriever.of(model, info, text);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The benchmark's model at index width {@code dim}: the sizes of {@code examples/eval-synthetic.json}
     * at {@code dim = 256} (visual and graph streams, hidden {@code dim / 2} so that a clip's two
     * stream states fill one index vector, 1 layer, 4 heads, feed-forward {@code dim}, 32 ConvSE
     * channels), the other settings as {@link ModelConfig#defaults()}.
     */
    static ModelConfig benchModel(int dim) {
        if (dim % 2 != 0 || (dim / 2) % 4 != 0) {
            throw new IllegalArgumentException("the model stack needs a dim divisible by 8 (2 streams x hidden, 4 heads), got "
                    + dim);
        }
        ModelConfig d = ModelConfig.defaults();
        int hidden = dim / 2;
        return new ModelConfig(MiniLmTextEncoder.DIM, dim, 0, dim, hidden, 1, 4, 2 * hidden, d.dropout(), d.positions(),
                d.maxPositions(), d.crossStream(), d.queryStreamWeights(), d.queryAwareFusion(), 0, 32, d.convKernel(),
                d.convUseClipStates(), d.convQueryProducts());
    }

    LoadedRetriever retriever() {
        return retriever;
    }

    @Override
    public float[][] textFeatures(int q) {
        return text == null ? random.get(q) : text.encode(texts.get(q)).states();
    }

    @Override
    public float[] queryVector(float[][] features) {
        return retriever.encodeQueryTokens(List.<float[][]>of(features))[0];
    }

    /** Stream queries scaled by their stream weights, {@code [S*H]}: the dot product with a video's summaries. */
    @Override
    public float[] searchVector(float[] queryVector) {
        int streams = retriever.config().streamCount();
        int hidden = retriever.config().hiddenSize();
        float[] proxy = new float[streams * hidden];
        for (int s = 0; s < streams; s++) {
            float w = queryVector[streams * hidden + s];
            for (int h = 0; h < hidden; h++) {
                proxy[s * hidden + h] = queryVector[s * hidden + h] * w;
            }
        }
        return proxy;
    }

    @Override
    public Localizer localizer(CorpusIndex index) {
        return new ModelMoments(index, retriever, topVideos, momentsPerVideo, temperature)::localize;
    }

    @Override
    public String describe() {
        ModelConfig c = retriever.config();
        return String.format("model stack: MiniLM token states + DualEncoderModel query encoder (H=%d, %d layer, %d heads, "
                + "%d streams; initialised weights: latency does not depend on weight values), VR on stream-weighted "
                + "summaries, ConvSE boundary logits + decoding", c.hiddenSize(), c.layers(), c.heads(), c.streamCount());
    }

    @Override
    public void close() {
        retriever.close();
        manager.close();
    }
}
