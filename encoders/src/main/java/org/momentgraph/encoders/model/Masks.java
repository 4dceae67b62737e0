package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Mask arithmetic shared by the blocks. A mask is a float array of 1 (real token/clip) and 0
 * (padding) with the batch and time axes of the values it masks.
 */
public final class Masks {

    /** Added to masked logits: far below any real logit, yet finite so fully padded rows stay NaN-free. */
    public static final float NEG_LARGE = -1e9f;

    private Masks() {
    }

    /** {@code logits} where mask is 1, {@link #NEG_LARGE} where it is 0 (mask broadcastable; null: no padding). */
    public static NDArray fillPadding(NDArray logits, NDArray mask) {
        if (mask == null) {
            return logits;
        }
        return logits.mul(mask).add(mask.sub(1f).mul(-NEG_LARGE));
    }

    /** A block's inputs followed by the mask, which is left out when null (no padding: the block skips masking). */
    public static NDList withMask(NDArray mask, NDArray... inputs) {
        NDList out = new NDList(inputs);
        if (mask != null) {
            out.add(mask);
        }
        return out;
    }

    /** Values [B, T, H] with padded steps ([B, T] mask) set to zero; null mask: no padding, values as they are. */
    public static NDArray zeroPadding(NDArray values, NDArray mask) {
        return mask == null ? values : values.mul(mask.expandDims(2));
    }

    /** Mean over axis 1 of [B, T, H] values counting only unmasked steps ([B, T] mask, null: all) -> [B, H]. */
    public static NDArray maskedMean(NDArray values, NDArray mask) {
        if (mask == null) {
            return values.mean(new int[] {1});
        }
        NDArray m = mask.expandDims(2);
        NDArray count = m.sum(new int[] {1}).maximum(1f);
        return values.mul(m).sum(new int[] {1}).div(count);
    }

    /** Max over the last axis counting only unmasked entries; all-padded rows give NEG_LARGE. */
    public static NDArray maskedMax(NDArray values, NDArray mask) {
        return fillPadding(values, mask).max(new int[] {-1});
    }
}
