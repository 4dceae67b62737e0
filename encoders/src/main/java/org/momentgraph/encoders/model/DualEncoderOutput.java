package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Named view of {@link DualEncoderModel}'s outputs for a paired batch of B queries and videos.
 *
 * @param videoScores [B, B], query i against video j; positives on the diagonal
 * @param clipScores [B, L], query i against the clips of its own video (the ConvSE input curve)
 * @param startLogits [B, L], padded clips at {@link Masks#NEG_LARGE}
 * @param endLogits [B, L], padded clips at {@link Masks#NEG_LARGE}
 * @param fusedClips [B, L, H], clip states of video i mixed with query i's stream weights
 */
public record DualEncoderOutput(
        NDArray videoScores, NDArray clipScores, NDArray startLogits, NDArray endLogits, NDArray fusedClips) {

    public static DualEncoderOutput of(NDList outputs) {
        return new DualEncoderOutput(outputs.get(0), outputs.get(1), outputs.get(2), outputs.get(3), outputs.get(4));
    }
}
