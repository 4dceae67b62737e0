package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDArray;

/** Node and edge states after message passing, with the masks needed to read them. */
public record GraphState(NDArray videoNodes, NDArray queryNodes, NDArray edges, NDArray videoMask,
        NDArray edgeMask, NDArray queryMask, NDArray queryKinds) {
}
