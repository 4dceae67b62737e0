package org.momentgraph.graph.relation;

/** A relation from a source object to a target object, with a confidence score in (0, 1]. */
public record Relation(RelationType type, double score) {

    public Relation {
        if (type == null || !(score > 0 && score <= 1)) {
            throw new IllegalArgumentException("relation needs a type and a score in (0, 1], got " + type + " " + score);
        }
    }

    /** Score {@code value / (2 * threshold)}, clamped to (0, 1]: 0.5 just at the threshold, 1 at twice it. */
    static Relation scaled(RelationType type, double value, double threshold) {
        double s = threshold <= 0 ? 1 : value / (2 * threshold);
        return new Relation(type, Math.max(1e-6, Math.min(1, s)));
    }
}
