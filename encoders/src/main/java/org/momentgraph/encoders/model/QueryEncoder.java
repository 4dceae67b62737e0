package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Query side of the dual encoder (XML / ReLoCLNet): frozen token features -> projection and
 * transformer layers -> modular attention pooling with one query vector per video stream, plus
 * XML's optional per-stream weights (softmax of a linear map of the mean token state).
 *
 * <p>Inputs: tokens [B, T, queryDim], mask [B, T]. Outputs: token states [B, T, H], stream
 * queries [B, S, H], stream weights [B, S] (uniform when {@code queryStreamWeights} is off).
 */
public class QueryEncoder extends AbstractBlock {

    private final ModelConfig config;
    private final FeatureEncoder encoder;
    private final AttentionPooling pooling;
    private final Linear streamWeights;

    public QueryEncoder(ModelConfig config) {
        this.config = config;
        encoder = addChildBlock("encoder", new FeatureEncoder(config.queryDim(), config));
        pooling = addChildBlock("pooling", new AttentionPooling(config.streamCount(), config.hiddenSize()));
        streamWeights = config.queryStreamWeights()
                ? addChildBlock("streamWeights", Linear.builder().setUnits(config.streamCount()).build())
                : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null; // absent: one unpadded query
        NDArray states = encoder.forward(ps, inputs, training).head();
        NDArray streamQueries = pooling.forward(ps, Masks.withMask(mask, states), training).head();
        long batch = states.getShape().get(0);
        int streams = config.streamCount();
        NDArray weights;
        if (streamWeights != null) {
            NDArray sentence = Masks.maskedMean(states, mask);
            weights = streamWeights.forward(ps, new NDList(sentence), training).head().softmax(-1);
        } else {
            weights = states.getManager().full(new Shape(batch, streams), 1f / streams);
        }
        return new NDList(states, streamQueries, weights);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, new Shape(1, 1, config.queryDim()), new Shape(1, 1));
        Shape unit = new Shape(1, 1, config.hiddenSize());
        pooling.initialize(manager, dataType, unit, new Shape(1, 1));
        if (streamWeights != null) {
            streamWeights.initialize(manager, dataType, new Shape(1, config.hiddenSize()));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long t = inputShapes[0].get(1);
        int h = config.hiddenSize();
        int s = config.streamCount();
        return new Shape[] {new Shape(b, t, h), new Shape(b, s, h), new Shape(b, s)};
    }
}
