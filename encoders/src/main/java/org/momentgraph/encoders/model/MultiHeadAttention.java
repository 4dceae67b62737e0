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
 * Multi-head scaled dot-product attention with a key padding mask.
 *
 * <p>Inputs: queries [B, Tq, H], keys/values [B, Tk, H], key mask [B, Tk] (1 real, 0 padding).
 * Output: [B, Tq, H]. Padded keys get exactly zero weight; a query whose keys are all padded
 * attends uniformly (its output is later masked by the caller).
 */
public class MultiHeadAttention extends AbstractBlock {

    private final int hiddenSize;
    private final int heads;
    private final float dropout;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;

    public MultiHeadAttention(int hiddenSize, int heads, float dropout) {
        if (hiddenSize % heads != 0) {
            throw new IllegalArgumentException("heads must divide hiddenSize");
        }
        this.hiddenSize = hiddenSize;
        this.heads = heads;
        this.dropout = dropout;
        query = addChildBlock("query", Linear.builder().setUnits(hiddenSize).build());
        key = addChildBlock("key", Linear.builder().setUnits(hiddenSize).build());
        value = addChildBlock("value", Linear.builder().setUnits(hiddenSize).build());
        output = addChildBlock("output", Linear.builder().setUnits(hiddenSize).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray memory = inputs.get(1);
        NDArray keyMask = inputs.size() > 2 ? inputs.get(2) : null;
        long batch = x.getShape().get(0);
        long tq = x.getShape().get(1);
        long tk = memory.getShape().get(1);
        int headSize = hiddenSize / heads;

        NDArray q = splitHeads(query.forward(ps, new NDList(x), training).head(), batch, tq, headSize);
        NDArray k = splitHeads(key.forward(ps, new NDList(memory), training).head(), batch, tk, headSize);
        NDArray v = splitHeads(value.forward(ps, new NDList(memory), training).head(), batch, tk, headSize);

        // [B, heads, Tq, Tk]; the mask broadcasts over heads and query positions
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div((float) Math.sqrt(headSize));
        NDArray mask = keyMask == null ? null : keyMask.reshape(batch, 1, 1, tk);
        NDArray weights = Masks.fillPadding(scores, mask).softmax(-1);
        weights = Dropouts.apply(weights, dropout, training);
        NDArray context = weights.matMul(v).transpose(0, 2, 1, 3).reshape(batch, tq, hiddenSize);
        return output.forward(ps, new NDList(context), training);
    }

    private NDArray splitHeads(NDArray x, long batch, long time, int headSize) {
        return x.reshape(batch, time, heads, headSize).transpose(0, 2, 1, 3);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape unit = new Shape(1, 1, hiddenSize);
        query.initialize(manager, dataType, unit);
        key.initialize(manager, dataType, unit);
        value.initialize(manager, dataType, unit);
        output.initialize(manager, dataType, unit);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
