package org.momentgraph.graph.query;

/**
 * An edge of a {@link QueryGraph}. SUBJECT: entity -> predicate; OBJECT: predicate -> entity;
 * TEMPORAL: predicate -> predicate, always from the earlier action to the later one, labelled with
 * the connective that said so ("then", "after", "before"). Edges compare by identity, as jgrapht's
 * multigraphs need.
 */
public final class QueryEdge {

    /** The role an edge plays. */
    public enum Kind { SUBJECT, OBJECT, TEMPORAL }

    private final Kind kind;
    private final String label;

    QueryEdge(Kind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    public Kind kind() {
        return kind;
    }

    /** The connective of a TEMPORAL edge; the kind's name in lower case otherwise. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
