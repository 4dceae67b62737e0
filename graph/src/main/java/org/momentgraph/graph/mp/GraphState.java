package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDArray;

/**
 * Node and edge states after message passing, with the masks needed to read them: object states
 * [B,N,H], query-node states [B,M,H], ordered-pair (relation) states [B,N,N,H], and the inputs'
 * masks, query-node kinds [B,M,K] and query adjacency [B,M,M]; and the cosine of the raw query-node
 * and object label embeddings [B,M,N], a training-free prior for entity matching.
 */
public record GraphState(NDArray videoNodes, NDArray queryNodes, NDArray edges, NDArray videoMask,
        NDArray edgeMask, NDArray queryMask, NDArray queryKinds, NDArray queryAdjacency, NDArray labelPrior) {
}
