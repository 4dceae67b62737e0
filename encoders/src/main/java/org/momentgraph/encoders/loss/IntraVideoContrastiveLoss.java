package org.momentgraph.encoders.loss;

import ai.djl.ndarray.NDArray;

/**
 * Intra-video contrast (VVCL): inside one video, the clips of the moment (boundaries included)
 * should resemble each other and differ from the clips outside it, so that the boundary detector
 * sees a step at the moment's edges. The anchor is the moment prototype {@code p} (the normalised
 * mean of its clip states); with {@code z_l = cos(p, c_l) / τ} over the real clips,
 *
 * <pre>
 *   L_vvcl = -1/n sum_i log( sum_{l in moment} exp(z_l) / sum_{l real} exp(z_l) )
 * </pre>
 *
 * (multi-positive InfoNCE): 0 when the outside clips are far from the prototype.
 * Inputs: clip states [B, L, H], clip mask [B, L], moment mask [B, L].
 */
public final class IntraVideoContrastiveLoss {

    private final float temperature;

    public IntraVideoContrastiveLoss(float temperature) {
        this.temperature = temperature;
    }

    public NDArray compute(NDArray clipStates, NDArray clipMask, NDArray momentMask) {
        NDArray positives = momentMask.mul(clipMask);
        NDArray clips = clipStates.normalize(2, 2, 1e-6);
        NDArray prototype = clips.mul(positives.expandDims(2)).sum(new int[] {1})
                .normalize(2, 1, 1e-6).expandDims(2); // [B, H, 1]
        NDArray z = clips.matMul(prototype).squeeze(2).div(temperature); // [B, L]
        // a row without moment clips (bad labels) has nothing to contrast and costs 0
        NDArray hasMoment = positives.sum(new int[] {1}).gt(0).toType(z.getDataType(), false);
        return LossMath.maskedLogSumExp(z, clipMask).sub(LossMath.maskedLogSumExp(z, positives))
                .mul(hasMoment).mean();
    }
}
