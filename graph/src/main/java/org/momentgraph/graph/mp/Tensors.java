package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDArray;

/** Small tensor helpers shared by the graph network's steps. */
final class Tensors {

    /** Added to masked-out logits; large enough to vanish under softmax/max, small enough for float32. */
    static final float NEG = -1e4f;

    private Tensors() {
    }

    /** Layer normalisation over the last axis, without affine parameters. */
    static NDArray normalize(NDArray x) {
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centered = x.sub(mean);
        NDArray var = centered.square().mean(new int[] {-1}, true);
        return centered.div(var.add(1e-4f).sqrt());
    }

    /** Unit-length rows along the last axis. */
    static NDArray unit(NDArray x) {
        return x.div(x.square().sum(new int[] {-1}, true).add(1e-6f).sqrt());
    }

    /** Max over {@code axis} of {@code x} where {@code mask} is 1; entries with no valid element get NEG. */
    static NDArray maskedMax(NDArray x, NDArray mask, int axis) {
        return x.add(mask.sub(1).mul(-NEG)).max(new int[] {axis});
    }
}
