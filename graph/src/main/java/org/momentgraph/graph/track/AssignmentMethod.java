package org.momentgraph.graph.track;

/** How the tracker solves each frame's track-to-detection assignment. */
public enum AssignmentMethod {
    /** Minimum total cost (Hungarian / Kuhn-Munkres): best when objects are close together. */
    HUNGARIAN,
    /** Cheapest pair first: faster, nearly as good when objects are well apart. */
    GREEDY
}
