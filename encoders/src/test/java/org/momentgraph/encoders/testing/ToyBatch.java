package org.momentgraph.encoders.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.model.Stream;

/**
 * A generated paired batch: video i has a moment [start_i, end_i] whose clips carry a topic vector
 * in every stream; query i's tokens carry a projection of the same topic. Videos have different
 * lengths (trailing padding), queries different token counts.
 */
public final class ToyBatch {

    public final int batch;
    public final int tokens;
    public final int clips;
    public final int[] videoLengths;
    public final int[] queryLengths;
    public final int[] starts;
    public final int[] ends;
    private final float[][] streamFeatures;
    private final float[] queryFeatures;
    private final ModelConfig config;

    public ToyBatch(ModelConfig config, int batch, int tokens, int clips, long seed) {
        this.config = config;
        this.batch = batch;
        this.tokens = tokens;
        this.clips = clips;
        Random random = new Random(seed);
        int topicDim = 8;
        float[][] topics = new float[batch][topicDim];
        for (float[] topic : topics) {
            for (int d = 0; d < topicDim; d++) {
                topic[d] = (float) random.nextGaussian();
            }
        }
        videoLengths = new int[batch];
        queryLengths = new int[batch];
        starts = new int[batch];
        ends = new int[batch];
        for (int b = 0; b < batch; b++) {
            videoLengths[b] = clips - random.nextInt(Math.max(1, clips / 4));
            queryLengths[b] = tokens - random.nextInt(Math.max(1, tokens / 3));
            int length = 1 + random.nextInt(Math.max(1, videoLengths[b] / 3));
            starts[b] = random.nextInt(videoLengths[b] - length + 1);
            ends[b] = starts[b] + length - 1;
        }
        queryFeatures = project(topics, config.queryDim(), tokens, queryLengths, null, null, random);
        streamFeatures = new float[config.streamCount()][];
        for (int s = 0; s < config.streamCount(); s++) {
            Stream stream = config.streams().get(s);
            streamFeatures[s] = project(topics, config.streamDim(stream), clips, videoLengths, starts, ends, random);
        }
    }

    /** Topic through a random projection at the marked steps, noise elsewhere, zeros at padding. */
    private static float[] project(float[][] topics, int dim, int steps, int[] lengths, int[] from, int[] to,
            Random random) {
        int topicDim = topics[0].length;
        float[][] projection = new float[topicDim][dim];
        for (float[] row : projection) {
            for (int d = 0; d < dim; d++) {
                row[d] = (float) random.nextGaussian() / (float) Math.sqrt(topicDim);
            }
        }
        float[] out = new float[topics.length * steps * dim];
        for (int b = 0; b < topics.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                boolean marked = from == null || (t >= from[b] && t <= to[b]);
                int base = (b * steps + t) * dim;
                for (int d = 0; d < dim; d++) {
                    float value = 0.3f * (float) random.nextGaussian();
                    if (marked) {
                        for (int k = 0; k < topicDim; k++) {
                            value += topics[b][k] * projection[k][d];
                        }
                    }
                    out[base + d] = value;
                }
            }
        }
        return out;
    }

    public NDArray queryTokens(NDManager manager) {
        return manager.create(queryFeatures, new Shape(batch, tokens, config.queryDim()));
    }

    public NDArray queryMask(NDManager manager) {
        return mask(manager, queryLengths, tokens);
    }

    public NDArray clipMask(NDManager manager) {
        return mask(manager, videoLengths, clips);
    }

    public NDArray stream(NDManager manager, int s) {
        Stream stream = config.streams().get(s);
        return manager.create(streamFeatures[s], new Shape(batch, clips, config.streamDim(stream)));
    }

    public NDArray startIndices(NDManager manager) {
        return manager.create(starts);
    }

    public NDArray endIndices(NDManager manager) {
        return manager.create(ends);
    }

    /** Inputs of {@code DualEncoderModel}: tokens, token mask, streams, clip mask. */
    public NDList modelInputs(NDManager manager) {
        NDList inputs = new NDList(queryTokens(manager), queryMask(manager));
        for (int s = 0; s < config.streamCount(); s++) {
            inputs.add(stream(manager, s));
        }
        inputs.add(clipMask(manager));
        return inputs;
    }

    /** Inputs of {@code VideoEncoder}: streams, clip mask. */
    public NDList videoInputs(NDManager manager) {
        NDList inputs = new NDList();
        for (int s = 0; s < config.streamCount(); s++) {
            inputs.add(stream(manager, s));
        }
        inputs.add(clipMask(manager));
        return inputs;
    }

    public static NDArray mask(NDManager manager, int[] lengths, int steps) {
        float[] mask = new float[lengths.length * steps];
        for (int b = 0; b < lengths.length; b++) {
            for (int t = 0; t < lengths[b]; t++) {
                mask[b * steps + t] = 1f;
            }
        }
        return manager.create(mask, new Shape(lengths.length, steps));
    }

    /** A small config for fast tests: every stream on, no dropout. */
    public static ModelConfig smallConfig() {
        return new ModelConfig(12, 16, 10, 6, 32, 1, 4, 64, 0f,
                org.momentgraph.encoders.model.PositionEncoding.SINUSOIDAL, 64, true, true, true, 0, 16, 3, false, true);
    }
}
