package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/** Adds position information to [B, T, H] states: a sinusoidal table or a learned one. */
public class PositionalEmbedding extends AbstractBlock {

    private final PositionEncoding encoding;
    private final int hiddenSize;
    private final int maxPositions;
    private final Parameter table;
    /** Sinusoid rows computed so far ([rows * H]); replaced whole, never written after publication. */
    private volatile float[] sinusoidTable;

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

    /**
     * [T, H]: first half sin(t * w_i), second half cos(t * w_i), w_i = 10000^(-2i/H). The table is computed
     * once in Java and copied in with one call: building it from engine ops cost ten native calls per
     * forward, a tenth of a search query's encoding time. Float arithmetic as the engine's, so values
     * match its former output to the last bit or so.
     */
    private NDArray sinusoid(NDManager manager, int length) {
        float[] table = sinusoidTable;
        if (table == null || table.length < length * hiddenSize) {
            table = sinusoidValues(Math.max(length, 2 * (table == null ? 0 : table.length / hiddenSize)), hiddenSize);
            sinusoidTable = table;
        }
        float[] values = table.length == length * hiddenSize ? table : Arrays.copyOf(table, length * hiddenSize);
        return manager.create(values, new Shape(length, hiddenSize));
    }

    static float[] sinusoidValues(int length, int hiddenSize) {
        int half = hiddenSize / 2;
        float scale = (float) (-Math.log(10000.0) / hiddenSize);
        float[] frequencies = new float[half];
        for (int i = 0; i < half; i++) {
            frequencies[i] = (float) Math.exp((float) (2 * i) * scale);
        }
        float[] out = new float[length * hiddenSize];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < half; i++) {
                float angle = (float) t * frequencies[i];
                out[t * hiddenSize + i] = (float) Math.sin(angle);
                out[t * hiddenSize + half + i] = (float) Math.cos(angle);
            }
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
