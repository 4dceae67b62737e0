package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDArray;

/**
 * A batch's relevance logits [B] and the evidence behind them: query-node to object similarity
 * [B,M,N], query-node to relation similarity [B,M,N,N], each object's query support [B,N] and
 * each query node's importance [B,M].
 */
public record GraphScores(NDArray logits, NDArray nodeSimilarity, NDArray edgeSimilarity, NDArray objectSupport,
        NDArray queryImportance) {
}
