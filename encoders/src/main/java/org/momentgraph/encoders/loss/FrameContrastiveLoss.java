package org.momentgraph.encoders.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * ReLoCLNet's FrameCL: mutual information between the query and the frames of its moment,
 * estimated with the Jensen-Shannon bound (Hjelm et al., Deep InfoMax) and maximised:
 *
 * <pre>
 *   E_P = log 2 - softplus(-z_pos),   E_N = softplus(-z_neg) + z_neg - log 2,   z = s(q, f) / τ
 *   L_fcl = E_N - E_P = mean_pos softplus(-z) + mean_neg softplus(z) - 2 log 2
 * </pre>
 *
 * Positives are the real clips inside the ground-truth moment, negatives the real clips outside
 * it. The constant {@code 2 log 2} is dropped so a perfect separation costs 0.
 * Inputs: query-clip scores [B, L], clip mask [B, L], moment mask [B, L].
 */
public final class FrameContrastiveLoss {

    private final float temperature;

    public FrameContrastiveLoss(float temperature) {
        this.temperature = temperature;
    }

    public NDArray compute(NDArray clipScores, NDArray clipMask, NDArray momentMask) {
        NDArray z = clipScores.div(temperature);
        NDArray positives = momentMask.mul(clipMask);
        NDArray negatives = momentMask.neg().add(1f).mul(clipMask);
        NDArray positiveTerm = LossMath.maskedMean(Activation.softPlus(z.neg()), positives);
        NDArray negativeTerm = LossMath.maskedMean(Activation.softPlus(z), negatives);
        return positiveTerm.add(negativeTerm).mean();
    }
}
