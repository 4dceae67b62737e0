package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.Dropout;

/**
 * Dropout only while training: DJL's {@code Dropout.dropout} runs a native call even at inference,
 * and a search query's encoding makes a handful of them for nothing.
 */
final class Dropouts {

    private Dropouts() {
    }

    static NDArray apply(NDArray x, float rate, boolean training) {
        return training && rate > 0 ? Dropout.dropout(x, rate, true).head() : x;
    }
}
