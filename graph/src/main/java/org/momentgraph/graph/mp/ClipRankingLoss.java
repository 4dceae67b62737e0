package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Clip-level objective over several queries' candidate clips scored in one batch: a listwise term
 * per query (a softmax over that query's candidates puts its mass on the clips inside the
 * ground-truth moment) plus a pointwise logistic term that keeps logits calibrated, so one
 * threshold can filter across queries.
 */
public final class ClipRankingLoss {

    private ClipRankingLoss() {
    }

    /**
     * @param logits  [B] scores of all candidate clips
     * @param labels  [B] 1 for clips inside their query's moment, 0 otherwise
     * @param groups  [G,B] 1 where clip b is a candidate of query g; every group has a positive
     * @return the mean over queries of the listwise term, plus the mean pointwise term
     */
    public static NDArray of(NDArray logits, NDArray labels, NDArray groups) {
        NDArray perGroup = logits.expandDims(0).broadcast(groups.getShape()); // [G,B]
        NDArray all = logSumExp(perGroup, groups);
        NDArray positives = logSumExp(perGroup, groups.mul(labels.expandDims(0)));
        NDArray listwise = all.sub(positives).mean();
        // softplus in its overflow-free form: relu(x) + log(1 + exp(-|x|))
        NDArray softplus = Activation.relu(logits).add(logits.abs().neg().exp().add(1).log());
        NDArray pointwise = softplus.sub(logits.mul(labels)).mean();
        return listwise.add(pointwise);
    }

    /** Row-wise log-sum-exp over the entries where mask is 1 (rows need one such entry). */
    private static NDArray logSumExp(NDArray x, NDArray mask) {
        NDArray max = Tensors.maskedMax(x, mask, 1, 0f).stopGradient().expandDims(1);
        NDArray terms = x.sub(max).minimum(0f).exp().mul(mask);
        return terms.sum(new int[] {1}).log().add(max.squeeze(1));
    }
}
