package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;

/**
 * Query-to-clip and query-to-video scores of the dual encoder, as XML/ReLoCLNet compute them:
 * cosine similarity between each stream's query vector and that stream's clip states, mixed over
 * streams with per-(query, video) weights; a video scores the max over its real clips.
 *
 * <p>Shapes: stream queries [Bq, S, H]; clip states [Bv, S, L, H]; clip mask [Bv, L];
 * stream weights [Bq, Bv, S]. Every method is batched; nothing loops over elements.
 */
public final class StreamScores {

    private StreamScores() {
    }

    /** Clip scores [Bq, Bv, L] = sum_s w[q,v,s] * cos(q_s, c_{v,s,l}). */
    public static NDArray clipScores(NDArray streamQueries, NDArray clipStates, NDArray weights) {
        Shape4 c = Shape4.of(clipStates);
        long bq = streamQueries.getShape().get(0);
        NDArray q = streamQueries.normalize(2, 2, 1e-6).transpose(1, 0, 2); // [S, Bq, H]
        NDArray k = clipStates.normalize(2, 3, 1e-6).transpose(1, 3, 0, 2) // [S, H, Bv, L]
                .reshape(c.s, c.h, c.b * c.l);
        NDArray perStream = q.matMul(k).reshape(c.s, bq, c.b, c.l).transpose(1, 2, 3, 0); // [Bq, Bv, L, S]
        return perStream.mul(weights.expandDims(2)).sum(new int[] {3});
    }

    /** Clip scores of query i against video i only: [B, L] (the paired training batch). */
    public static NDArray pairedClipScores(NDArray streamQueries, NDArray clipStates, NDArray pairedWeights) {
        NDArray q = streamQueries.normalize(2, 2, 1e-6).expandDims(3); // [B, S, H, 1]
        NDArray k = clipStates.normalize(2, 3, 1e-6); // [B, S, L, H]
        NDArray perStream = k.matMul(q).squeeze(3); // [B, S, L]
        return perStream.mul(pairedWeights.expandDims(2)).sum(new int[] {1});
    }

    /**
     * The terms of each stream's paired cosine before the sum over dimensions: [B, L, S * H] with
     * {@code qhat_s[h] * chat_{s,l}[h]} for stream s at {@code s * H + h}, scaled by H so a random pair's
     * terms have unit variance. ConvSE reads them to see which parts of the query each clip matches, in
     * each stream on its own: mixing the streams first (as the VR score does) lets a stream that is flat
     * inside a video (the object bag) drown one that moves (the interactions).
     */
    public static NDArray pairedClipProducts(NDArray streamQueries, NDArray clipStates) {
        Shape4 c = Shape4.of(clipStates);
        NDArray q = streamQueries.normalize(2, 2, 1e-6).expandDims(2); // [B, S, 1, H]
        NDArray k = clipStates.normalize(2, 3, 1e-6); // [B, S, L, H]
        return k.mul(q).transpose(0, 2, 1, 3).reshape(c.b, c.l, c.s * c.h).mul((float) c.h);
    }

    /** Video scores [Bq, Bv]: the best real clip of each video. */
    public static NDArray videoScores(NDArray clipScores, NDArray clipMask) {
        return Masks.maskedMax(clipScores, clipMask.expandDims(0));
    }

    /** Video scores [Bq, Bv] from video-level vectors [Bv, S, H] (NetVLAD). */
    public static NDArray vectorScores(NDArray streamQueries, NDArray videoVectors, NDArray weights) {
        NDArray q = streamQueries.normalize(2, 2, 1e-6).transpose(1, 0, 2); // [S, Bq, H]
        NDArray v = videoVectors.normalize(2, 2, 1e-6).transpose(1, 2, 0); // [S, H, Bv]
        return q.matMul(v).transpose(1, 2, 0).mul(weights).sum(new int[] {2});
    }

    /** Per-stream masked mean of the clip states: [Bv, S, H]. */
    public static NDArray summaries(NDArray clipStates, NDArray clipMask) {
        NDArray m = clipMask.expandDims(1).expandDims(3); // [Bv, 1, L, 1]
        NDArray count = clipMask.sum(new int[] {1}).maximum(1f).reshape(-1, 1, 1);
        return clipStates.mul(m).sum(new int[] {2}).div(count);
    }

    /** The diagonal of a [B, B, ...] array (query i with video i): [B, ...]. */
    public static NDArray paired(NDArray allPairs) {
        int rank = allPairs.getShape().dimension();
        NDArray diagonal = allPairs.diagonal(0, 0, 1); // [..., B]
        int[] order = new int[rank - 1];
        order[0] = rank - 2;
        for (int i = 1; i < order.length; i++) {
            order[i] = i - 1;
        }
        return diagonal.transpose(order);
    }

    /** Clip states mixed over streams with paired weights [B, S]: [B, L, H]. */
    public static NDArray fuseClips(NDArray clipStates, NDArray pairedWeights) {
        return clipStates.mul(pairedWeights.expandDims(2).expandDims(3)).sum(new int[] {1});
    }

    private record Shape4(long b, long s, long l, long h) {
        static Shape4 of(NDArray a) {
            ai.djl.ndarray.types.Shape shape = a.getShape();
            return new Shape4(shape.get(0), shape.get(1), shape.get(2), shape.get(3));
        }
    }
}
