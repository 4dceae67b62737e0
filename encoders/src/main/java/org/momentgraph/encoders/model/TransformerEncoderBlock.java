package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A pre-norm transformer layer: {@code x + Attn(LN(x))}, then {@code x + FFN(LN(x))}.
 *
 * <p>DJL's own {@code ai.djl.nn.transformer.TransformerEncoderBlock} is post-norm BERT and takes
 * no key padding mask, so this one is written out. Self-attention inputs: {@code (x [B,T,H],
 * mask [B,T])}. A block built with {@code crossAttention = true} attends to a memory instead:
 * {@code (x, mask, memory [B,M,H], memoryMask [B,M])}. Output {@code [B,T,H]} with padded
 * positions set to zero, so they cannot leak into later pooling.
 */
public class TransformerEncoderBlock extends AbstractBlock {

    private final int hiddenSize;
    private final int ffnSize;
    private final float dropout;
    private final boolean crossAttention;
    private final LayerNorm attentionNorm;
    private final LayerNorm memoryNorm;
    private final MultiHeadAttention attention;
    private final LayerNorm ffnNorm;
    private final Linear ffnIn;
    private final Linear ffnOut;

    public TransformerEncoderBlock(int hiddenSize, int heads, int ffnSize, float dropout, boolean crossAttention) {
        this.hiddenSize = hiddenSize;
        this.ffnSize = ffnSize;
        this.dropout = dropout;
        this.crossAttention = crossAttention;
        attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        memoryNorm = crossAttention ? addChildBlock("memoryNorm", LayerNorm.builder().axis(2).build()) : null;
        attention = addChildBlock("attention", new MultiHeadAttention(hiddenSize, heads, dropout));
        ffnNorm = addChildBlock("ffnNorm", LayerNorm.builder().axis(2).build());
        ffnIn = addChildBlock("ffnIn", Linear.builder().setUnits(ffnSize).build());
        ffnOut = addChildBlock("ffnOut", Linear.builder().setUnits(hiddenSize).build());
    }

    public TransformerEncoderBlock(int hiddenSize, int heads, int ffnSize, float dropout) {
        this(hiddenSize, heads, ffnSize, dropout, false);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        NDArray normed = attentionNorm.forward(ps, new NDList(x), training).head();
        NDList attentionInputs;
        if (crossAttention) {
            NDArray memory = memoryNorm.forward(ps, new NDList(inputs.get(2)), training).head();
            attentionInputs = new NDList(normed, memory, inputs.get(3));
        } else {
            attentionInputs = Masks.withMask(mask, normed, normed);
        }
        NDArray attended = attention.forward(ps, attentionInputs, training).head();
        x = x.add(Dropouts.apply(attended, dropout, training));

        NDArray hidden = ffnIn.forward(ps, new NDList(ffnNorm.forward(ps, new NDList(x), training).head()), training).head();
        hidden = Dropouts.apply(Activation.gelu(hidden), dropout, training);
        NDArray ffn = ffnOut.forward(ps, new NDList(hidden), training).head();
        x = x.add(Dropouts.apply(ffn, dropout, training));
        return new NDList(Masks.zeroPadding(x, mask));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape unit = new Shape(1, 1, hiddenSize);
        attentionNorm.initialize(manager, dataType, unit);
        if (memoryNorm != null) {
            memoryNorm.initialize(manager, dataType, unit);
        }
        attention.initialize(manager, dataType, unit, unit, new Shape(1, 1));
        ffnNorm.initialize(manager, dataType, unit);
        ffnIn.initialize(manager, dataType, unit);
        ffnOut.initialize(manager, dataType, new Shape(1, 1, ffnSize));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
