package org.momentgraph.graph.video;

import org.jgrapht.Graph;
import org.momentgraph.domain.Span;

/**
 * The relation graph of one clip: the tracks visible in it and their spatial and in-clip motion
 * relations.
 */
public record ClipGraph(int clipIndex, Span span, Graph<ObjectNode, RelationEdge> graph) {

    public ClipGraphFeatures features() {
        return ClipGraphFeatures.of(graph, ObjectNode::label, e -> e.type().key());
    }
}
