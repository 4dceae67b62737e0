package org.momentgraph.graph.video;

import org.momentgraph.graph.relation.RelationType;

/**
 * A typed, scored relation edge. Edges compare by identity, as jgrapht multigraphs need: two relations of
 * the same type between the same nodes are two edges.
 */
public final class RelationEdge {

    private final RelationType type;
    private final double score;

    public RelationEdge(RelationType type, double score) {
        if (type == null || !(score > 0 && score <= 1)) {
            throw new IllegalArgumentException("edge needs a type and a score in (0, 1], got " + type + " " + score);
        }
        this.type = type;
        this.score = score;
    }

    public RelationType type() {
        return type;
    }

    /** Confidence in (0, 1]; the edge weight of the video graph. */
    public double score() {
        return score;
    }

    @Override
    public String toString() {
        return type.key() + "(" + String.format(java.util.Locale.ROOT, "%.2f", score) + ")";
    }
}
