package org.momentgraph.graph.mp;

/**
 * Sizes of the relational message-passing network.
 *
 * @param videoNodeDim  input features per video node: the object's label embedding (its first
 *                      {@code queryNodeDim} values, same embedding as the query nodes') + box geometry
 * @param edgeDim       input features per ordered node pair (relation multi-hot + geometry deltas)
 * @param queryNodeDim  input features per query node (word embedding)
 * @param queryKinds    number of query node kinds (one-hot; entity, predicate, ...)
 * @param hidden        hidden size H of node and edge states
 * @param rounds        rounds L of message passing
 * @param pruneTemperature sharpness of the query-support gate that prunes unsupported objects
 */
public record GraphNetworkConfig(int videoNodeDim, int edgeDim, int queryNodeDim, int queryKinds, int hidden,
        int rounds, float pruneTemperature) {

    public GraphNetworkConfig {
        if (videoNodeDim < queryNodeDim || videoNodeDim <= 0 || edgeDim <= 0 || queryNodeDim <= 0 || queryKinds <= 0 || hidden <= 0 || rounds < 0) {
            throw new IllegalArgumentException("graph network sizes must be positive: " + this);
        }
    }

    public GraphNetworkConfig withRounds(int newRounds) {
        return new GraphNetworkConfig(videoNodeDim, edgeDim, queryNodeDim, queryKinds, hidden, newRounds, pruneTemperature);
    }
}
