package org.momentgraph.encoders.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every hyper-parameter of the dual encoder and the boundary detector. Stored as
 * {@code model.json} in a model directory, so a saved model describes itself.
 *
 * @param queryDim width of the frozen query token features (MiniLM: 384)
 * @param visualDim width of the visual clip features
 * @param subtitleDim width of the subtitle clip features, 0 for no subtitle stream
 * @param graphDim width of the graph/object clip features, 0 for no graph stream
 * @param hiddenSize model width (XML and ReLoCLNet use 384)
 * @param layers transformer layers per stream
 * @param heads attention heads; must divide {@code hiddenSize}
 * @param ffnSize inner width of the feed-forward sublayer
 * @param dropout dropout rate on projections, attention and residual branches
 * @param positions sinusoidal or learned positions
 * @param maxPositions rows of the learned position table (ignored for sinusoidal)
 * @param crossStream add a cross-attention layer between the video streams (ReLoCLNet's cross-modal layer)
 * @param queryStreamWeights XML's modular weights: a softmax over streams from the query alone
 * @param queryAwareFusion QACLN's query-conditioned fusion of the streams; off means the query weights or the mean
 * @param netVladClusters NetVLAD clusters for the video-level vector; 0 scores videos by max over clips
 * @param convChannels channels of the ConvSE hidden convolution
 * @param convKernel odd kernel width of the ConvSE convolutions (in clips)
 * @param convUseClipStates feed the fused clip states to ConvSE next to the similarity curve
 * @param convQueryProducts feed ConvSE the per-dimension terms of the similarity curve (query and clip
 *        states multiplied dimension by dimension): which parts of the query a clip matches, not only how much
 */
public record ModelConfig(
        int queryDim,
        int visualDim,
        int subtitleDim,
        int graphDim,
        int hiddenSize,
        int layers,
        int heads,
        int ffnSize,
        float dropout,
        PositionEncoding positions,
        int maxPositions,
        boolean crossStream,
        boolean queryStreamWeights,
        boolean queryAwareFusion,
        int netVladClusters,
        int convChannels,
        int convKernel,
        boolean convUseClipStates,
        boolean convQueryProducts) {

    public ModelConfig {
        requirePositive("queryDim", queryDim);
        requirePositive("visualDim", visualDim);
        requireNonNegative("subtitleDim", subtitleDim);
        requireNonNegative("graphDim", graphDim);
        requirePositive("hiddenSize", hiddenSize);
        requireNonNegative("layers", layers);
        requirePositive("heads", heads);
        requirePositive("ffnSize", ffnSize);
        requirePositive("maxPositions", maxPositions);
        requireNonNegative("netVladClusters", netVladClusters);
        requirePositive("convChannels", convChannels);
        if (hiddenSize % heads != 0) {
            throw new IllegalArgumentException("heads (" + heads + ") must divide hiddenSize (" + hiddenSize + ")");
        }
        if (convKernel < 1 || convKernel % 2 == 0) {
            throw new IllegalArgumentException("convKernel must be odd and positive, got " + convKernel);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (positions == null) {
            throw new IllegalArgumentException("positions must be SINUSOIDAL or LEARNED");
        }
    }

    /** XML/ReLoCLNet sizes: 384 wide, one layer, 4 heads; MiniLM queries and subtitles. */
    public static ModelConfig defaults() {
        return new ModelConfig(384, 1024, 384, 256, 384, 1, 4, 768, 0.1f,
                PositionEncoding.SINUSOIDAL, 1024, true, true, true, 0, 64, 5, false, true);
    }

    /** The enabled video streams in stacking order. */
    public List<Stream> streams() {
        List<Stream> streams = new ArrayList<>(List.of(Stream.VISUAL));
        if (subtitleDim > 0) {
            streams.add(Stream.SUBTITLE);
        }
        if (graphDim > 0) {
            streams.add(Stream.GRAPH);
        }
        return List.copyOf(streams);
    }

    public int streamCount() {
        return streams().size();
    }

    /** Input feature width of a stream. */
    public int streamDim(Stream stream) {
        return switch (stream) {
            case VISUAL -> visualDim;
            case SUBTITLE -> subtitleDim;
            case GRAPH -> graphDim;
        };
    }

    public ModelConfig withStreams(int visualDim, int subtitleDim, int graphDim) {
        return new ModelConfig(queryDim, visualDim, subtitleDim, graphDim, hiddenSize, layers, heads, ffnSize,
                dropout, positions, maxPositions, crossStream, queryStreamWeights, queryAwareFusion,
                netVladClusters, convChannels, convKernel, convUseClipStates, convQueryProducts);
    }

    public ModelConfig withSize(int hiddenSize, int layers, int heads, int ffnSize) {
        return new ModelConfig(queryDim, visualDim, subtitleDim, graphDim, hiddenSize, layers, heads, ffnSize,
                dropout, positions, maxPositions, crossStream, queryStreamWeights, queryAwareFusion,
                netVladClusters, convChannels, convKernel, convUseClipStates, convQueryProducts);
    }

    public String toJson() {
        return ConfigJson.write(this);
    }

    /** Parses JSON; absent fields keep their {@link #defaults()} value, unknown ones are errors. */
    public static ModelConfig fromJson(String json, String source) {
        return ConfigJson.read(json, source, defaults(), ModelConfig.class);
    }

    public static ModelConfig fromJson(JsonNode node, String source) {
        return ConfigJson.read(node, source, defaults(), ModelConfig.class);
    }

    public void write(Path file) {
        ConfigJson.writeFile(file, this);
    }

    public static ModelConfig read(Path file) {
        return fromJson(ConfigJson.readFile(file), file.toString());
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
