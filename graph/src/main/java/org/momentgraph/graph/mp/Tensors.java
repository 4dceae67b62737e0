package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * Small tensor helpers shared by the graph network's steps. Masked operations select with
 * {@code where} instead of adding a large negative constant: a masked entry then gets no gradient
 * at all, so padded rows cannot leak huge or infinite values into the backward pass.
 */
final class Tensors {

    /** Fill for masked entries before a max or softmax; never added to real values. */
    private static final float FILL = -1e4f;

    private Tensors() {
    }

    /** Layer normalisation over the last axis, without affine parameters (eps 1e-5). */
    static NDArray layerNorm(NDArray x) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centered = x.sub(mean);
        NDArray var = centered.square().mean(new int[] {-1}, true);
        return centered.div(var.add(1e-5f).sqrt());
    }

    /** Unit-length rows along the last axis; zero rows stay zero. */
    static NDArray unit(NDArray x) {
        return x.div(x.square().sum(new int[] {-1}, true).add(1e-6f).sqrt());
    }

    /**
     * Max of {@code x} over {@code axis} among entries where {@code mask} (broadcastable to x, 1 =
     * valid) holds; {@code empty} where no entry is valid.
     */
    static NDArray maskedMax(NDArray x, NDArray mask, int axis, float empty) {
        NDArray valid = mask.broadcast(x.getShape()).gt(0);
        NDArray best = NDArrays.where(valid, x, x.zerosLike().add(FILL)).max(new int[] {axis});
        NDArray any = valid.toType(x.getDataType(), false).max(new int[] {axis}).gt(0);
        return NDArrays.where(any, best, best.zerosLike().add(empty));
    }

    /** Softmax over the last axis among entries where {@code mask} holds; all-masked rows give zeros. */
    static NDArray maskedSoftmax(NDArray x, NDArray mask) {
        NDArray valid = mask.broadcast(x.getShape()).gt(0);
        NDArray p = NDArrays.where(valid, x, x.zerosLike().add(FILL)).softmax(-1);
        return p.mul(valid.toType(x.getDataType(), false));
    }
}
