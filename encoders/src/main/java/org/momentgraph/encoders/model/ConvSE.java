package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * XML's convolutional start-end detector: 1D convolutions slide over the query-clip similarity
 * curve (optionally stacked with the fused clip states as extra channels) and emit a start and an
 * end logit per clip. Being fully convolutional it takes videos of any length.
 *
 * <p>Inputs: curve [B, L], clip mask [B, L], then with {@code convUseClipStates} the fused clip
 * states [B, L, H] and with {@code convQueryProducts} each stream's cosine terms [B, L, S * H]
 * ({@link StreamScores#pairedClipProducts}), in that order ({@link #inputs} builds them). Outputs:
 * start logits [B, L], end logits [B, L]; padded clips get {@link Masks#NEG_LARGE} so a softmax gives
 * them no probability.
 */
public class ConvSE extends AbstractBlock {

    private final int inputChannels;
    private final boolean useClipStates;
    private final boolean useProducts;
    private final int kernel;
    private final MatMulConv1d hidden;
    private final MatMulConv1d output;

    public ConvSE(ModelConfig config) {
        this.useClipStates = config.convUseClipStates();
        this.useProducts = config.convQueryProducts();
        this.inputChannels = 1 + (useClipStates ? config.hiddenSize() : 0)
                + (useProducts ? config.streamCount() * config.hiddenSize() : 0);
        this.kernel = config.convKernel();
        hidden = addChildBlock("hidden", new MatMulConv1d(inputChannels, config.convChannels(), kernel));
        output = addChildBlock("output", new MatMulConv1d(config.convChannels(), 2, kernel));
    }

    /**
     * The inputs {@code config} asks for, from the paired curve [B, L], clip mask [B, L], stream queries
     * [B, S, H], clip states [B, S, L, H] and paired stream weights [B, S]: the one place that decides
     * them, for training and for search.
     */
    public static NDList inputs(ModelConfig config, NDArray curve, NDArray clipMask, NDArray streamQueries,
            NDArray clipStates, NDArray pairedWeights) {
        NDList in = new NDList(curve, clipMask);
        if (config.convUseClipStates()) {
            in.add(StreamScores.fuseClips(clipStates, pairedWeights));
        }
        if (config.convQueryProducts()) {
            in.add(StreamScores.pairedClipProducts(streamQueries, clipStates));
        }
        return in;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray mask = inputs.get(1);
        NDList channels = new NDList(inputs.get(0).mul(mask).expandDims(1)); // [B, 1, L]
        for (int i = 2; i < inputs.size(); i++) {
            channels.add(inputs.get(i).mul(mask.expandDims(2)).transpose(0, 2, 1)); // [B, H, L]
        }
        if (channels.size() != 1 + (useClipStates ? 1 : 0) + (useProducts ? 1 : 0)) {
            throw new IllegalArgumentException("ConvSE expects curve, mask" + (useClipStates ? ", clip states" : "")
                    + (useProducts ? ", query products" : "") + "; got " + inputs.size() + " arrays");
        }
        NDArray signal = channels.size() == 1 ? channels.head() : NDArrays.concat(channels, 1);
        // zero the hidden layer on padding, as the convolution's own zero padding past the end is: otherwise
        // relu(bias) on padded clips leaks into a video's last clips, and its logits depend on how much
        // longer its batch-mates are
        NDArray h = Activation.relu(hidden.forward(ps, new NDList(signal), training).head()).mul(mask.expandDims(1));
        NDArray logits = output.forward(ps, new NDList(h), training).head(); // [B, 2, L]
        NDArray start = Masks.fillPadding(logits.get(":, 0, :"), mask);
        NDArray end = Masks.fillPadding(logits.get(":, 1, :"), mask);
        return new NDList(start, end);
    }

    /**
     * The two convolutions' parameters as plain arrays, PyTorch's layouts: hidden weight
     * {@code [channels, inputChannels, kernel]} and bias {@code [channels]}, output weight
     * {@code [2, channels, kernel]} and bias {@code [2]}; input channel 0 is the curve, then the
     * clip states and query products in {@link #inputs}' order. A copy: later training does not change it.
     */
    public Weights weights() {
        return new Weights(inputChannels, hidden.filters(), kernel, hidden.weightValues(), hidden.biasValues(),
                output.weightValues(), output.biasValues());
    }

    /** See {@link #weights()}. */
    public record Weights(int inputChannels, int channels, int kernel, float[] hiddenWeight, float[] hiddenBias,
            float[] outputWeight, float[] outputBias) {
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, inputChannels, kernel);
        hidden.initialize(manager, dataType, in);
        output.initialize(manager, dataType, hidden.getOutputShapes(new Shape[] {in}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], inputShapes[0]};
    }
}
