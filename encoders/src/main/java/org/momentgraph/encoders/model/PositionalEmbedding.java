package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Adds position information to [B, T, H] states: a sinusoidal table or a learned one. */
public class PositionalEmbedding extends AbstractBlock {

    private final PositionEncoding encoding;
    private final int hiddenSize;
    private final int maxPositions;
    private final Parameter table;

    public PositionalEmbedding(PositionEncoding encoding, int hiddenSize, int maxPositions) {
        if (encoding == PositionEncoding.SINUSOIDAL && hiddenSize % 2 != 0) {
            throw new IllegalArgumentException("sinusoidal positions need an even hiddenSize, got " + hiddenSize);
        }
        this.encoding = encoding;
        this.hiddenSize = hiddenSize;
        this.maxPositions = maxPositions;
        table = encoding == PositionEncoding.LEARNED
                ? addParameter(Parameter.builder()
                        .setName("positions")
                        .setType(Parameter.Type.WEIGHT)
                        .optShape(new Shape(maxPositions, hiddenSize))
                        .build())
                : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head();
        int length = (int) x.getShape().get(1);
        NDArray positions;
        if (encoding == PositionEncoding.LEARNED) {
            if (length > maxPositions) {
                throw new IllegalArgumentException("sequence of " + length + " steps exceeds the " + maxPositions
                        + " learned positions; use SINUSOIDAL positions or decode in windows");
            }
            positions = ps.getValue(table, x.getDevice(), training).get(new NDIndex(":{}", length));
        } else {
            positions = sinusoid(x.getManager(), length);
        }
        return new NDList(x.add(positions.expandDims(0)));
    }

    /** [T, H]: first half sin(t * w_i), second half cos(t * w_i), w_i = 10000^(-2i/H). */
    private NDArray sinusoid(NDManager manager, int length) {
        NDArray time = manager.arange(0f, (float) length, 1f).reshape(length, 1);
        NDArray frequencies = manager.arange(0f, (float) hiddenSize, 2f)
                .mul((float) (-Math.log(10000.0) / hiddenSize)).exp().reshape(1, hiddenSize / 2);
        NDArray angles = time.matMul(frequencies);
        return NDArrays.concat(new NDList(angles.sin(), angles.cos()), 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
