package org.momentgraph.graph.mp;

/**
 * One piece of evidence for a (query, clip) pair: a query node matched to a video node. An entity
 * matches one object ({@code relation} null); a predicate matches a relation between two objects:
 * {@code videoNode} is the relation's subject, {@code relationTarget} its object, and
 * {@code relation} the relation keys stated between them ("contact+moving_together"), or null
 * when the two objects share no relation.
 *
 * @param queryNode      the query node as "q{id}:{lemma}" (e.g. "q2:pick up")
 * @param videoNode      object node id (e.g. "t3_c12"), or null when the clip has nothing to match
 * @param relation       relation keys, or null for an entity match
 * @param relationTarget the relation's other object node id, or null
 * @param score          match score: cosine-like in [-1, 1] from the network, 0/1 for presence matching
 */
public record GraphMatch(String queryNode, String videoNode, String relation, String relationTarget, double score) {
}
