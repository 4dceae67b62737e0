package org.momentgraph.encoders.loss;

import ai.djl.ndarray.NDArray;

/**
 * ReLoCLNet's VideoCL: InfoNCE over the videos of the batch, the paired video the positive,
 *
 * <pre>
 *   L_vcl = -1/n sum_i log( exp(s(q_i, v_i)/τ) / sum_j exp(s(q_i, v_j)/τ) )
 * </pre>
 *
 * With {@code symmetric}, the same over queries per video is added and the two halves averaged
 * (CLIP style). Input: scores [B, B] with the positives on the diagonal.
 */
public final class VideoContrastiveLoss {

    private final float temperature;
    private final boolean symmetric;

    public VideoContrastiveLoss(float temperature, boolean symmetric) {
        this.temperature = temperature;
        this.symmetric = symmetric;
    }

    public NDArray compute(NDArray scores) {
        NDArray logits = scores.div(temperature);
        NDArray queryToVideo = logits.logSoftmax(1).diagonal().neg().mean();
        if (!symmetric) {
            return queryToVideo;
        }
        NDArray videoToQuery = logits.logSoftmax(0).diagonal().neg().mean();
        return queryToVideo.add(videoToQuery).div(2f);
    }
}
