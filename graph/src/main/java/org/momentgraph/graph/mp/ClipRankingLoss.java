package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * Clip-level objective for one query's candidate clips: a listwise term (softmax over the
 * candidates puts its mass on clips inside the ground-truth moment) plus a pointwise logistic term
 * that keeps logits calibrated, so one threshold can filter across queries.
 */
public final class ClipRankingLoss {

    private ClipRankingLoss() {
    }

    /**
     * @param logits [C] scores of one query's candidate clips
     * @param labels [C] 1 for clips inside the moment, 0 otherwise; at least one 1
     */
    public static NDArray of(NDArray logits, NDArray labels) {
        NDArray logAll = logits.logSoftmax(0);
        // log of the probability mass on positives: logsumexp over positive entries
        NDArray masked = logAll.add(labels.sub(1).mul(-Tensors.NEG));
        NDArray max = masked.max();
        NDArray listwise = masked.sub(max).exp().sum().log().add(max).neg();
        // softplus written in its overflow-free form: relu(x) + log(1 + exp(-|x|))
        NDArray softplus = Activation.relu(logits).add(logits.abs().neg().exp().add(1).log());
        NDArray pointwise = softplus.sub(logits.mul(labels)).mean();
        return listwise.add(pointwise);
    }
}
