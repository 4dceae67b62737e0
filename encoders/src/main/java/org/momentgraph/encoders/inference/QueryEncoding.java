package org.momentgraph.encoders.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.Masks;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.text.TokenStates;

/**
 * The query side at search time: text -> frozen MiniLM token states -> the query encoder's stream
 * queries and stream weights, packed as one vector {@code [S*H | S]} and unpacked again for scoring.
 */
final class QueryEncoding implements AutoCloseable {

    private static final int BATCH = 64;

    private final DualEncoderModel model;
    private final ModelConfig config;
    private final int streams;
    private final int hidden;
    private final boolean ownsText;
    private MiniLmTextEncoder text;

    QueryEncoding(DualEncoderModel model, MiniLmTextEncoder text, boolean ownsText) {
        this.model = model;
        this.config = model.config();
        this.streams = config.streamCount();
        this.hidden = config.hiddenSize();
        this.text = text;
        this.ownsText = ownsText;
    }

    int vectorLength() {
        return streams * hidden + streams;
    }

    float[][] encodeTexts(NDManager manager, ParameterStore ps, List<String> texts) {
        List<float[][]> tokens = new ArrayList<>(texts.size());
        for (TokenStates states : textEncoder().encodeAll(texts)) {
            tokens.add(states.states());
        }
        return encodeTokens(manager, ps, tokens);
    }

    float[][] encodeTokens(NDManager manager, ParameterStore ps, List<float[][]> tokens) {
        float[][] out = new float[tokens.size()][];
        for (int from = 0; from < tokens.size(); from += BATCH) {
            List<float[][]> chunk = tokens.subList(from, Math.min(tokens.size(), from + BATCH));
            int b = chunk.size();
            int t = chunk.stream().mapToInt(q -> q.length).max().orElse(1);
            int d = config.queryDim();
            float[] flat = new float[b * t * d];
            float[] mask = new float[b * t];
            for (int i = 0; i < b; i++) {
                float[][] q = chunk.get(i);
                for (int p = 0; p < q.length; p++) {
                    if (q[p].length != d) {
                        throw new IllegalArgumentException("query token features have " + q[p].length
                                + " values, the model expects " + d);
                    }
                    System.arraycopy(q[p], 0, flat, (i * t + p) * d, d);
                    mask[i * t + p] = 1f;
                }
            }
            try (NDManager m = manager.newSubManager()) {
                NDArray features = m.create(flat, new Shape(b, t, d));
                // a query alone has no padding: no mask, and the blocks skip the mask arithmetic (a search's case)
                NDList encoded = model.queryEncoder().forward(ps,
                        Masks.withMask(b == 1 ? null : m.create(mask, new Shape(b, t)), features), false);
                float[] queries = encoded.get(1).toFloatArray(); // [B, S, H]
                float[] weights = encoded.get(2).toFloatArray(); // [B, S]
                int sh = streams * hidden;
                for (int i = 0; i < b; i++) {
                    float[] v = new float[sh + streams];
                    System.arraycopy(queries, i * sh, v, 0, sh);
                    System.arraycopy(weights, i * streams, v, sh, streams);
                    out[from + i] = v;
                }
            }
        }
        return out;
    }

    /** Unpacks query vectors: {stream queries [B, S, H], stream weights [B, S]}. */
    NDArray[] arrays(NDManager manager, float[][] vectors) {
        int b = vectors.length;
        int sh = streams * hidden;
        float[] q = new float[b * sh];
        float[] w = new float[b * streams];
        for (int i = 0; i < b; i++) {
            if (vectors[i].length != sh + streams) {
                throw new IllegalArgumentException("query vector has " + vectors[i].length + " values, this model's have "
                        + (sh + streams));
            }
            System.arraycopy(vectors[i], 0, q, i * sh, sh);
            System.arraycopy(vectors[i], sh, w, i * streams, streams);
        }
        return new NDArray[] {manager.create(q, new Shape(b, streams, hidden)), manager.create(w, new Shape(b, streams))};
    }

    private synchronized MiniLmTextEncoder textEncoder() {
        if (text == null) {
            text = MiniLmTextEncoder.builder().build();
        }
        return text;
    }

    @Override
    public synchronized void close() {
        if (ownsText && text != null) {
            text.close();
        }
    }
}
