package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * XML's modular query pooling: one learned scoring vector per output (e.g. per video stream);
 * each output is the attention-weighted sum of the token states, padded tokens excluded.
 *
 * <p>Inputs: states [B, T, H], mask [B, T]. Output: pooled [B, S, H].
 */
public class AttentionPooling extends AbstractBlock {

    private final int outputs;
    private final Parameter scorers;

    public AttentionPooling(int outputs, int hiddenSize) {
        this.outputs = outputs;
        scorers = addParameter(Parameter.builder()
                .setName("scorers")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(outputs, hiddenSize))
                .build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray states = inputs.get(0);
        NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
        NDArray w = ps.getValue(scorers, states.getDevice(), training);
        // [B, T, S] -> softmax over T per output -> [B, S, T]
        NDArray logits = states.matMul(w.transpose());
        NDArray padding = mask == null ? null : mask.expandDims(2);
        NDArray weights = Masks.fillPadding(logits, padding).softmax(1).transpose(0, 2, 1);
        return new NDList(weights.matMul(states));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outputs, in.get(2))};
    }
}
