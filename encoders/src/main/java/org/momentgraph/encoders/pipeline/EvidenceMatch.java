package org.momentgraph.encoders.pipeline;

/**
 * One piece of evidence behind a result: a query element matched to something in the video (an
 * object label, a graph node, a relation between two nodes).
 *
 * @param queryNode the query side ("cup", "q2:pick up")
 * @param videoNode the video side (an object label or node id), or null when nothing matched
 * @param relation relation keys between {@code videoNode} and {@code relationTarget}, or null for an entity match
 * @param relationTarget the relation's other node, or null
 * @param score match strength in [-1, 1]
 */
public record EvidenceMatch(String queryNode, String videoNode, String relation, String relationTarget, double score) {
}
