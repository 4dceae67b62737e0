package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * NetVLAD (Arandjelovic et al., CVPR 2016) over clip states: soft-assign each clip to K learned
 * centres, sum the residuals {@code a_lk (x_l - c_k)} per centre, intra- and L2-normalise, then
 * project to the model width. Padded clips get zero assignment.
 *
 * <p>Inputs: states [B, L, H], mask [B, L]. Output: video vector [B, H].
 */
public class NetVladPooling extends AbstractBlock {

    private final int clusters;
    private final int hiddenSize;
    private final Parameter centres;
    private final Linear assignment;
    private final Linear projection;

    public NetVladPooling(int clusters, int hiddenSize) {
        this.clusters = clusters;
        this.hiddenSize = hiddenSize;
        centres = addParameter(Parameter.builder()
                .setName("centres")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(clusters, hiddenSize))
                .build());
        assignment = addChildBlock("assignment", Linear.builder().setUnits(clusters).build());
        projection = addChildBlock("projection", Linear.builder().setUnits(hiddenSize).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        long batch = x.getShape().get(0);
        NDArray a = assignment.forward(ps, new NDList(x), training).head().softmax(-1).mul(mask.expandDims(2));
        NDArray c = ps.getValue(centres, x.getDevice(), training);
        // sum_l a_lk x_l - (sum_l a_lk) c_k  -> [B, K, H]
        NDArray vlad = a.transpose(0, 2, 1).matMul(x).sub(a.sum(new int[] {1}).expandDims(2).mul(c.expandDims(0)));
        vlad = vlad.normalize(2, 2, 1e-6).reshape(batch, (long) clusters * hiddenSize).normalize(2, 1, 1e-6);
        return projection.forward(ps, new NDList(vlad), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        assignment.initialize(manager, dataType, new Shape(1, 1, hiddenSize));
        projection.initialize(manager, dataType, new Shape(1, (long) clusters * hiddenSize));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), hiddenSize)};
    }
}
