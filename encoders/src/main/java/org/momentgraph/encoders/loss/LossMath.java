package org.momentgraph.encoders.loss;

import ai.djl.ndarray.NDArray;
import org.momentgraph.encoders.model.Masks;

/** Masked reductions the losses share; masks are 1 (counted) / 0 (ignored) floats. */
final class LossMath {

    private LossMath() {
    }

    /** log sum_l mask_l exp(z_l) over the last axis, stable; rows with an empty mask give ~-69. */
    static NDArray maskedLogSumExp(NDArray z, NDArray mask) {
        NDArray shift = Masks.maskedMax(z, mask).stopGradient().expandDims(-1);
        NDArray sum = z.sub(shift).mul(mask).exp().mul(mask).sum(new int[] {-1});
        return sum.maximum(1e-30f).log().add(shift.squeeze(-1));
    }

    /** Mean over the last axis counting only unmasked entries; empty rows give 0. */
    static NDArray maskedMean(NDArray values, NDArray mask) {
        return values.mul(mask).sum(new int[] {-1}).div(mask.sum(new int[] {-1}).maximum(1f));
    }

    /** [B, L] float mask, 1 for clip indices start_b <= l <= end_b. */
    static NDArray spanMask(NDArray startIdx, NDArray endIdx, long length) {
        NDArray positions = startIdx.getManager().arange(0f, (float) length, 1f).expandDims(0);
        NDArray start = startIdx.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).expandDims(1);
        NDArray end = endIdx.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).expandDims(1);
        return positions.gte(start).logicalAnd(positions.lte(end)).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
    }
}
