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
     * the relation keys between its subject ({@code videoNode}) and object ({@code relationTarget})
     * nodes, e.g. "contact+moving_together". Node ids are those of the matched graph
     * ({@link MomentService#queryGraph} with the video): query nodes "q{id}:{lemma}" (node "q{id}"),
     * video nodes "t{track}_c{clip}".
     */
    public record Match(String queryNode, String videoNode, String relation, String relationTarget, double score) {

        /** An entity match, or a relation match without its object node. */
        public Match(String queryNode, String videoNode, String relation, double score) {
            this(queryNode, videoNode, relation, null, score);
        }
    }
}
