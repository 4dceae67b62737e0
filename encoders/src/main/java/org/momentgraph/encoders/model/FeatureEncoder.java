package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * One sequence of frozen features to contextual states, as XML's per-modality encoder: linear
 * projection to the model width, layer norm, dropout, positions, then pre-norm transformer layers
 * and a final layer norm.
 *
 * <p>Inputs: features [B, T, D], mask [B, T] (absent: no padding, as for one query alone). Output: states
 * [B, T, H], zero at padding.
 */
public class FeatureEncoder extends AbstractBlock {

    private final int inputDim;
    private final int hiddenSize;
    private final float dropout;
    private final Linear projection;
    private final LayerNorm projectionNorm;
    private final PositionalEmbedding positions;
    private final List<TransformerEncoderBlock> layers = new ArrayList<>();
    private final LayerNorm outputNorm;

    public FeatureEncoder(int inputDim, ModelConfig config) {
        this.inputDim = inputDim;
        this.hiddenSize = config.hiddenSize();
        this.dropout = config.dropout();
        projection = addChildBlock("projection", Linear.builder().setUnits(hiddenSize).build());
        projectionNorm = addChildBlock("projectionNorm", LayerNorm.builder().axis(2).build());
        positions = addChildBlock("positions",
                new PositionalEmbedding(config.positions(), hiddenSize, config.maxPositions()));
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new TransformerEncoderBlock(
                    hiddenSize, config.heads(), config.ffnSize(), dropout)));
        }
        outputNorm = addChildBlock("outputNorm", LayerNorm.builder().axis(2).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        NDArray x = projection.forward(ps, new NDList(inputs.get(0)), training).head();
        x = projectionNorm.forward(ps, new NDList(x), training).head();
        x = Dropouts.apply(x, dropout, training);
        x = positions.forward(ps, new NDList(x), training).head();
        for (TransformerEncoderBlock layer : layers) {
            x = layer.forward(ps, Masks.withMask(mask, x), training).head();
        }
        x = outputNorm.forward(ps, new NDList(x), training).head();
        return new NDList(Masks.zeroPadding(x, mask));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape unit = new Shape(1, 1, hiddenSize);
        projection.initialize(manager, dataType, new Shape(1, 1, inputDim));
        projectionNorm.initialize(manager, dataType, unit);
        positions.initialize(manager, dataType, unit);
        for (TransformerEncoderBlock layer : layers) {
            layer.initialize(manager, dataType, unit, new Shape(1, 1));
        }
        outputNorm.initialize(manager, dataType, unit);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), hiddenSize)};
    }
}
