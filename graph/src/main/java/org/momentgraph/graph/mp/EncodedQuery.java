package org.momentgraph.graph.mp;

import java.util.List;
import org.momentgraph.graph.query.QueryNode;

/**
 * A query graph as network input, built once per query: node features [M][Dq], kinds (entity or
 * predicate, see {@link RelationalGraphNetwork}) and directed adjacency (SUBJECT entity -> predicate,
 * OBJECT predicate -> entity, TEMPORAL predicate -> predicate).
 */
public record EncodedQuery(String text, List<QueryNode> nodes, float[][] features, int[] kinds,
        boolean[][] adjacency) {

    public EncodedQuery {
        nodes = List.copyOf(nodes);
    }

    public int size() {
        return nodes.size();
    }

    /** The (query, clip) pair as one element of a {@link GraphBatch}. */
    public GraphBatch.Pair with(EncodedClip clip) {
        return new GraphBatch.Pair(clip.nodes(), clip.edges(), features, kinds, adjacency);
    }
}
