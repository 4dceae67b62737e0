package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * ReLoCLNet/XML's cross-modal layer, generalised to S streams: each stream's clips attend to the
 * clips of all other streams (their sequences concatenated in time), each stream with its own
 * pre-norm cross-attention layer. Padded clips are neither attended to nor updated.
 *
 * <p>Inputs: S state arrays [B, L, H] followed by the clip mask [B, L]. Outputs: S arrays [B, L, H].
 */
public class CrossStreamLayer extends AbstractBlock {

    private final int hiddenSize;
    private final List<TransformerEncoderBlock> perStream = new ArrayList<>();

    public CrossStreamLayer(int streams, ModelConfig config) {
        if (streams < 2) {
            throw new IllegalArgumentException("cross-stream attention needs at least two streams");
        }
        this.hiddenSize = config.hiddenSize();
        for (int s = 0; s < streams; s++) {
            perStream.add(addChildBlock("stream" + s, new TransformerEncoderBlock(
                    hiddenSize, config.heads(), config.ffnSize(), config.dropout(), true)));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        int streams = perStream.size();
        NDArray mask = inputs.get(streams);
        NDList outputs = new NDList(streams);
        for (int s = 0; s < streams; s++) {
            NDList others = new NDList(streams - 1);
            NDList otherMasks = new NDList(streams - 1);
            for (int o = 0; o < streams; o++) {
                if (o != s) {
                    others.add(inputs.get(o));
                    otherMasks.add(mask);
                }
            }
            NDArray memory = NDArrays.concat(others, 1);
            NDArray memoryMask = NDArrays.concat(otherMasks, 1);
            outputs.add(perStream.get(s).forward(ps,
                    new NDList(inputs.get(s), mask, memory, memoryMask), training).head());
        }
        return outputs;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape unit = new Shape(1, 1, hiddenSize);
        for (TransformerEncoderBlock layer : perStream) {
            layer.initialize(manager, dataType, unit, new Shape(1, 1), unit, new Shape(1, 1));
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[perStream.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = inputShapes[s];
        }
        return out;
    }
}
