package org.momentgraph.server;

import java.util.List;

/** The query-graph nodes and relations that matched nodes of the video's relation graph. */
public record Explanation(List<Match> matches) {

    public static final Explanation NONE = new Explanation(List.of());

    public Explanation {
        matches = List.copyOf(matches);
    }

    /**
     * One matched element. An object match has {@code relation == null}; a relation match names
     * the relation (e.g. "holds") and its subject nodes.
     */
    public record Match(String queryNode, String videoNode, String relation, double score) {
    }
}
