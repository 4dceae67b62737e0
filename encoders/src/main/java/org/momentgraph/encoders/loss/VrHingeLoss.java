package org.momentgraph.encoders.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.momentgraph.encoders.model.Masks;

/**
 * Video-retrieval hinge loss of XML / ReLoCLNet with both kinds of negatives:
 *
 * <pre>
 *   L_vr = 1/n sum_i [ max(0, Δ + s(q_i, v_j') - s(q_i, v_i))      negative video for query i
 *                    + max(0, Δ + s(q_i', v_i) - s(q_i, v_i)) ]     negative query for video i
 * </pre>
 *
 * The negatives are the other pairs of the batch: averaged over all of them, or the hardest one
 * (VSE++ style) with {@code hardNegatives}. Input: scores [B, B] with s(q_i, v_j) at [i, j] and the
 * positives on the diagonal. A batch of one has no negatives and costs 0.
 */
public final class VrHingeLoss {

    private final float margin;
    private final boolean hardNegatives;

    public VrHingeLoss(float margin, boolean hardNegatives) {
        this.margin = margin;
        this.hardNegatives = hardNegatives;
    }

    public NDArray compute(NDArray scores) {
        int batch = (int) scores.getShape().get(0);
        NDArray offDiagonal = scores.getManager().eye(batch).neg().add(1f);
        NDArray positive = scores.diagonal();
        NDArray videoSide = violations(scores, positive.expandDims(1), offDiagonal); // rows: query fixed
        NDArray querySide = violations(scores.transpose(), positive.expandDims(1), offDiagonal); // rows: video fixed
        return videoSide.add(querySide).mean();
    }

    private NDArray violations(NDArray scores, NDArray positive, NDArray offDiagonal) {
        if (hardNegatives) {
            NDArray hardest = Masks.maskedMax(scores, offDiagonal);
            NDArray any = offDiagonal.sum(new int[] {1}).gt(0).toType(scores.getDataType(), false);
            return Activation.relu(hardest.sub(positive.squeeze(1)).add(margin)).mul(any);
        }
        NDArray hinge = Activation.relu(scores.sub(positive).add(margin));
        return LossMath.maskedMean(hinge, offDiagonal);
    }
}
