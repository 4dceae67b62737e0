package org.momentgraph.encoders.loss;

import ai.djl.ndarray.NDArray;
import org.momentgraph.encoders.model.Masks;

/**
 * Start/end cross-entropy of XML's ConvSE (and ReLoCLNet's L_st-ed):
 *
 * <pre>
 *   L_se = -1/n sum_i [ log P_st(t_s^i) + log P_ed(t_e^i) ],   P = softmax over the real clips
 * </pre>
 *
 * Inputs: start and end logits [B, L], clip mask [B, L], ground-truth start and end clip indices
 * [B] (integer arrays). Padded clips are excluded from the softmax.
 */
public final class LocalizationLoss {

    public NDArray compute(NDArray startLogits, NDArray endLogits, NDArray clipMask,
            NDArray startIdx, NDArray endIdx) {
        int length = (int) startLogits.getShape().get(1);
        return crossEntropy(startLogits, clipMask, startIdx, length)
                .add(crossEntropy(endLogits, clipMask, endIdx, length))
                .mean();
    }

    private static NDArray crossEntropy(NDArray logits, NDArray mask, NDArray target, int length) {
        NDArray logProbabilities = Masks.fillPadding(logits, mask).logSoftmax(-1);
        NDArray oneHot = target.oneHot(length).toType(logits.getDataType(), false);
        return logProbabilities.mul(oneHot).sum(new int[] {-1}).neg();
    }
}
