package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDArray;

/**
 * A batch's relevance logits [B] and the evidence behind them, all cosine-like scores in [-1, 1]:
 * query-node to object similarity [B,M,N]; for predicate query nodes, the score of each ordered
 * object pair as the predicate's (subject, object) [B,M,N,N] (relation match and role matches
 * together); each object's query support [B,N] in (0, 1) (objects no entity supports are pruned
 * from relation evidence); each query node's score [B,M] and its pooling weight [B,M].
 */
public record GraphScores(NDArray logits, NDArray nodeSimilarity, NDArray tripleScore, NDArray objectSupport,
        NDArray queryNodeScore, NDArray queryImportance) {
}
