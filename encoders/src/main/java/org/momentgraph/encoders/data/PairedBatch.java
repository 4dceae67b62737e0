package org.momentgraph.encoders.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A padded paired batch (query i with video i) in the layout of {@code DualEncoderModel}: flat
 * row-major float arrays plus their sizes. Padding is zeros with mask 0. Clip indices are relative
 * to each example's window ({@code windowStart} holds the offset into the full video).
 *
 * @param examples the B examples, in batch order
 * @param tokens T, the longest query in the batch
 * @param clips L, the longest window in the batch
 * @param queryDim width of the token features
 * @param queryTokens [B, T, queryDim]
 * @param queryMask [B, T]
 * @param streams one [B, L, D_s] array per model stream, with its width in {@code streamDims}
 * @param streamDims D_s per stream
 * @param clipMask [B, L]
 * @param startClip [B] first moment clip within the window
 * @param endClip [B] last moment clip within the window
 * @param windowStart [B] first clip of the window in the video
 */
public record PairedBatch(List<MomentExample> examples, int tokens, int clips, int queryDim, float[] queryTokens,
        float[] queryMask, List<float[]> streams, int[] streamDims, float[] clipMask, int[] startClip, int[] endClip,
        int[] windowStart) {

    public int size() {
        return examples.size();
    }

    /** Model inputs: tokens, token mask, streams, clip mask. */
    public NDList inputs(NDManager manager) {
        int b = size();
        NDList list = new NDList(streams.size() + 3);
        list.add(manager.create(queryTokens, new Shape(b, tokens, queryDim)));
        list.add(manager.create(queryMask, new Shape(b, tokens)));
        for (int s = 0; s < streams.size(); s++) {
            list.add(manager.create(streams.get(s), new Shape(b, clips, streamDims[s])));
        }
        list.add(manager.create(clipMask, new Shape(b, clips)));
        return list;
    }

    public NDArray startIndices(NDManager manager) {
        return manager.create(startClip);
    }

    public NDArray endIndices(NDManager manager) {
        return manager.create(endClip);
    }
}
