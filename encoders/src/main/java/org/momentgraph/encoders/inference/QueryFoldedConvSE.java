package org.momentgraph.encoders.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.momentgraph.encoders.model.ConvSE;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.ModelConfig;

/**
 * ConvSE's start and end logits for one query over many videos, the same numbers as the model's
 * {@link ConvSE} on {@link ConvSE#inputs} (tested), in one native matrix product plus Java loops.
 *
 * <p>Why: search localises one query in its top videos, and the batched block graph costs about 50
 * native calls (fusion, normalising, products, transposes, concatenation, two convolutions, masks)
 * whose dispatch, not arithmetic, took most of the moment stage. The query products are linear in the
 * unit clip states, {@code H * qhat[c] * chat[t, c]}, so the query folds into the first convolution's
 * weights, {@code A[c, (o, k)] = W[o, 1 + c, k] * H * qhat[c]}; one product {@code Y = X A} of the
 * videos' unit clip states {@code X [clips, S*H]} gives every tap, and the taps, the similarity-curve
 * channel, relu and the 2-channel output convolution are summed in Java over each video's own clips
 * (what the convolution's zero padding and the clip mask do in the batched graph). The query-aware
 * fusion weights, which the curve needs, are a few hundred multiply-adds per video, also in Java.
 *
 * <p>Only for ConvSE reading the curve and the query products (the default); {@link #supports} says.
 * Holds a copy of the weights: build one per set of weights.
 */
final class QueryFoldedConvSE {

    private static final float NORM_EPS = 1e-6f;

    private final int streams;
    private final int hidden;
    private final int channels;
    private final int kernel;
    private final ConvSE.Weights conv;
    /** The first convolution's product weights {@code [S*H, channels * kernel]}, before the query scales them. */
    private final float[] productWeights;
    private final float[] gate;

    private QueryFoldedConvSE(ModelConfig config, ConvSE.Weights conv, float[] gate) {
        this.streams = config.streamCount();
        this.hidden = config.hiddenSize();
        this.channels = conv.channels();
        this.kernel = conv.kernel();
        this.conv = conv;
        this.gate = gate;
        this.productWeights = productWeights(conv, streams * hidden);
    }

    private static float[] productWeights(ConvSE.Weights conv, int sh) {
        int in = conv.inputChannels();
        int kernel = conv.kernel();
        int width = conv.channels() * kernel;
        float[] out = new float[sh * width];
        for (int o = 0; o < conv.channels(); o++) {
            for (int c = 0; c < sh; c++) {
                System.arraycopy(conv.hiddenWeight(), (o * in + 1 + c) * kernel, out, c * width + o * kernel, kernel);
            }
        }
        return out;
    }

    /** Whether ConvSE reads exactly the curve and the query products. */
    static boolean supports(ModelConfig config) {
        return config.convQueryProducts() && !config.convUseClipStates();
    }

    static QueryFoldedConvSE of(DualEncoderModel model) {
        ModelConfig config = model.config();
        if (!supports(config)) {
            throw new IllegalArgumentException("folding needs ConvSE on the curve and query products only");
        }
        return new QueryFoldedConvSE(config, model.convSE().weights(), model.fusion().gateWeight());
    }

    /** Start and end logits {@code [2][L_i]} of the query in each video. */
    List<float[][]> logits(NDManager manager, float[] query, List<EncodedVideo> videos) {
        int sh = streams * hidden;
        float[] unitQuery = unitStreams(query);
        int rows = videos.stream().mapToInt(EncodedVideo::length).sum();
        float[] unitClips = new float[rows * sh];
        List<float[]> curves = new ArrayList<>(videos.size());
        int row = 0;
        float[] gated = gatedQuery(query);
        for (EncodedVideo v : videos) {
            unitClipRows(v, unitClips, row);
            curves.add(curve(unitQuery, fusionWeights(query, gated, v), unitClips, row, v.length()));
            row += v.length();
        }
        float[] taps = taps(manager, unitClips, rows, foldedWeights(unitQuery));
        List<float[][]> out = new ArrayList<>(videos.size());
        row = 0;
        for (int i = 0; i < videos.size(); i++) {
            int length = videos.get(i).length();
            out.add(outputLayer(hiddenLayer(taps, row, curves.get(i), length), length));
            row += length;
        }
        return out;
    }

    /** The query's stream vectors, each divided by its norm. */
    private float[] unitStreams(float[] vector) {
        float[] out = new float[streams * hidden];
        for (int s = 0; s < streams; s++) {
            copyUnit(vector, s * hidden, out, s * hidden, hidden);
        }
        return out;
    }

    /** The video's unit clip states as rows {@code [L, S*H]} (streams side by side) from {@code row} on. */
    private void unitClipRows(EncodedVideo v, float[] out, int row) {
        int length = v.length();
        for (int t = 0; t < length; t++) {
            for (int s = 0; s < streams; s++) {
                copyUnit(v.clipStates(), (s * length + t) * hidden, out, ((row + t) * streams + s) * hidden, hidden);
            }
        }
    }

    /** {@code n} values divided by their norm (at least {@code 1e-6}), as the engine's {@code normalize(2, ., 1e-6)}. */
    private static void copyUnit(float[] from, int at, float[] to, int into, int n) {
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm += from[at + i] * from[at + i];
        }
        float scale = (float) (1 / Math.max(Math.sqrt(norm), NORM_EPS));
        for (int i = 0; i < n; i++) {
            to[into + i] = from[at + i] * scale;
        }
    }

    /** The fusion gate's side of the query, {@code W q_s} per stream {@code [S*H]}; null without the gate. */
    private float[] gatedQuery(float[] query) {
        if (gate == null) {
            return null;
        }
        float[] out = new float[streams * hidden];
        for (int s = 0; s < streams; s++) {
            for (int i = 0; i < hidden; i++) {
                float sum = 0;
                for (int j = 0; j < hidden; j++) {
                    sum += gate[i * hidden + j] * query[s * hidden + j];
                }
                out[s * hidden + i] = sum;
            }
        }
        return out;
    }

    /** Query-aware fusion of one (query, video) pair: softmax_s({@code <W q_s, g_s> / sqrt(H) + log prior_s}). */
    private float[] fusionWeights(float[] query, float[] gated, EncodedVideo v) {
        int sh = streams * hidden;
        float[] weights = new float[streams];
        if (gated == null) {
            System.arraycopy(query, sh, weights, 0, streams);
            return weights;
        }
        double[] logits = new double[streams];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < streams; s++) {
            double dot = 0;
            for (int i = 0; i < hidden; i++) {
                dot += gated[s * hidden + i] * v.summaries()[s * hidden + i];
            }
            logits[s] = dot / Math.sqrt(hidden) + Math.log(Math.max(query[sh + s], 1e-6f));
            max = Math.max(max, logits[s]);
        }
        double sum = 0;
        for (int s = 0; s < streams; s++) {
            logits[s] = Math.exp(logits[s] - max);
            sum += logits[s];
        }
        for (int s = 0; s < streams; s++) {
            weights[s] = (float) (logits[s] / sum);
        }
        return weights;
    }

    /** The paired similarity curve {@code sum_s w_s <qhat_s, chat_{t,s}>} of one video. */
    private float[] curve(float[] unitQuery, float[] weights, float[] unitClips, int row, int length) {
        float[] out = new float[length];
        for (int t = 0; t < length; t++) {
            double sum = 0;
            for (int s = 0; s < streams; s++) {
                double dot = 0;
                int base = ((row + t) * streams + s) * hidden;
                for (int h = 0; h < hidden; h++) {
                    dot += unitQuery[s * hidden + h] * unitClips[base + h];
                }
                sum += weights[s] * dot;
            }
            out[t] = (float) sum;
        }
        return out;
    }

    /** {@code A [S*H, channels * kernel]}: the first convolution's product weights times {@code H * qhat}. */
    private float[] foldedWeights(float[] unitQuery) {
        int width = channels * kernel;
        float[] out = new float[productWeights.length];
        for (int c = 0; c < unitQuery.length; c++) {
            float scale = hidden * unitQuery[c];
            for (int i = c * width; i < (c + 1) * width; i++) {
                out[i] = productWeights[i] * scale;
            }
        }
        return out;
    }

    /** {@code Y = X A} in one native matrix product: every clip's contribution to every (channel, tap). */
    private float[] taps(NDManager manager, float[] unitClips, int rows, float[] folded) {
        int sh = streams * hidden;
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(unitClips, new Shape(rows, sh));
            NDArray a = m.create(folded, new Shape(sh, channels * kernel));
            return x.matMul(a).toFloatArray();
        }
    }

    /** relu of the first convolution over one video's clips {@code [channels][L]}, zero padding past both ends. */
    private float[][] hiddenLayer(float[] taps, int row, float[] curve, int length) {
        int pad = kernel / 2;
        int in = conv.inputChannels();
        int width = channels * kernel;
        float[][] out = new float[channels][length];
        for (int o = 0; o < channels; o++) {
            int curveWeights = o * in * kernel;
            for (int t = 0; t < length; t++) {
                double sum = conv.hiddenBias()[o];
                for (int k = 0; k < kernel; k++) {
                    int source = t + k - pad;
                    if (source >= 0 && source < length) {
                        sum += conv.hiddenWeight()[curveWeights + k] * curve[source]
                                + taps[(row + source) * width + o * kernel + k];
                    }
                }
                out[o][t] = (float) Math.max(0, sum);
            }
        }
        return out;
    }

    /** The output convolution: start and end logits {@code [2][L]}, one shifted multiply-add per (channel, tap). */
    private float[][] outputLayer(float[][] hiddenStates, int length) {
        int pad = kernel / 2;
        float[][] out = new float[2][length];
        for (int j = 0; j < 2; j++) {
            float[] logits = out[j];
            java.util.Arrays.fill(logits, conv.outputBias()[j]);
            for (int o = 0; o < channels; o++) {
                float[] h = hiddenStates[o];
                for (int k = 0; k < kernel; k++) {
                    float w = conv.outputWeight()[(j * channels + o) * kernel + k];
                    int shift = k - pad; // logits[t] += w * h[t + shift] where 0 <= t + shift < length
                    for (int t = Math.max(0, -shift); t < Math.min(length, length - shift); t++) {
                        logits[t] += w * h[t + shift];
                    }
                }
            }
        }
        return out;
    }
}
