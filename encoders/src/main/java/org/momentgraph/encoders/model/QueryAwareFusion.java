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
 * QACLN's query-conditioned fusion (QCF): per (query, video) pair a softmax over the video streams
 * decides how much the visual, subtitle and object streams count. The logit of stream s is a
 * bilinear match between the query's stream vector and the video's stream summary,
 * {@code <W q_s, g_{v,s}> / sqrt(H)}, plus the log of the query's own XML stream weight as a prior.
 * With the flag off the prior alone is used, i.e. the mean when XML weights are off too.
 *
 * <p>Inputs: stream queries [Bq, S, H], query stream weights [Bq, S], video stream summaries
 * [Bv, S, H] (see {@link StreamScores#summaries}). Output: weights [Bq, Bv, S] summing to 1.
 */
public class QueryAwareFusion extends AbstractBlock {

    private final int hiddenSize;
    private final Linear gate;

    public QueryAwareFusion(ModelConfig config) {
        this.hiddenSize = config.hiddenSize();
        gate = config.queryAwareFusion()
                ? addChildBlock("gate", Linear.builder().setUnits(hiddenSize).optBias(false).build())
                : null;
    }

    public boolean enabled() {
        return gate != null;
    }

    /** The gate's weight {@code [H_out, H_in]} (the query side is {@code W q}), a copy; null when the flag is off. */
    public float[] gateWeight() {
        return gate == null ? null : gate.getParameters().get("weight").getArray().toFloatArray();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray queries = inputs.get(0);
        NDArray prior = inputs.get(1);
        NDArray summaries = inputs.get(2);
        long bq = queries.getShape().get(0);
        long bv = summaries.getShape().get(0);
        long s = queries.getShape().get(1);
        if (gate == null) {
            return new NDList(prior.expandDims(1).broadcast(new Shape(bq, bv, s)));
        }
        NDArray gated = gate.forward(ps, new NDList(queries), training).head().transpose(1, 0, 2); // [S, Bq, H]
        NDArray logits = gated.matMul(summaries.transpose(1, 2, 0)) // [S, Bq, Bv]
                .div((float) Math.sqrt(hiddenSize))
                .transpose(1, 2, 0)
                .add(prior.maximum(1e-6f).log().expandDims(1));
        return new NDList(logits.softmax(-1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        if (gate != null) {
            gate.initialize(manager, dataType, new Shape(1, 1, hiddenSize));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[2].get(0), inputShapes[0].get(1))};
    }
}
