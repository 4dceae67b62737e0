package org.momentgraph.graph.mp;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.graph.query.QueryNode;

/**
 * Reads a (query, clip) pair's evidence as {@link GraphMatch} records: from the network's scores,
 * or, without a model, from label presence and relation existence.
 */
public final class MatchExplainer {

    private MatchExplainer() {
    }

    /** Network evidence of pair {@code b} of a scored batch (node similarity and triple scores). */
    public static List<GraphMatch> fromScores(EncodedQuery query, EncodedClip clip, GraphScores scores, int b) {
        long[] simShape = scores.nodeSimilarity().getShape().getShape(); // [B,M,N]
        int m = (int) simShape[1];
        int n = (int) simShape[2];
        float[] sim = scores.nodeSimilarity().toFloatArray();
        float[] triple = scores.tripleScore().toFloatArray(); // [B,M,N,N]
        List<GraphMatch> out = new ArrayList<>();
        for (int q = 0; q < query.size(); q++) {
            QueryNode node = query.nodes().get(q);
            int bestI = -1;
            int bestJ = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < clip.size(); i++) {
                if (node.isEntity()) {
                    double s = sim[(b * m + q) * n + i];
                    if (s > best) {
                        best = s;
                        bestI = i;
                    }
                    continue;
                }
                for (int j = 0; j < clip.size(); j++) {
                    double s = triple[((b * m + q) * n + i) * n + j];
                    if (clip.edges()[i][j] != null && s > best) {
                        best = s;
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            out.add(match(node, clip, bestI, bestJ, bestI < 0 ? -1 : best));
        }
        return out;
    }

    /**
     * Presence evidence: each entity matched to every object of its class (score 1); each predicate
     * to a related pair of objects matching its subject and object (score 1), else to no pair (0).
     */
    public static List<GraphMatch> presence(EncodedQuery query, EncodedClip clip) {
        List<GraphMatch> out = new ArrayList<>();
        for (int q = 0; q < query.size(); q++) {
            QueryNode node = query.nodes().get(q);
            if (node.isEntity()) {
                boolean any = false;
                for (int i = 0; i < clip.size(); i++) {
                    if (PresenceScorer.matches(node, clip.objects().get(i).label())) {
                        out.add(match(node, clip, i, -1, 1));
                        any = true;
                    }
                }
                if (!any) {
                    out.add(new GraphMatch(name(node), null, null, null, 0));
                }
                continue;
            }
            int[] pair = relatedPair(query, q, clip);
            out.add(pair == null ? new GraphMatch(name(node), null, null, null, 0) : match(node, clip, pair[0], pair[1], 1));
        }
        return out;
    }

    /** A related object pair (i, j) whose labels fit the predicate's subject and object entities. */
    private static int[] relatedPair(EncodedQuery query, int predicate, EncodedClip clip) {
        for (int i = 0; i < clip.size(); i++) {
            for (int j = 0; j < clip.size(); j++) {
                if (clip.edges()[i][j] != null && fits(query, predicate, clip, i, true)
                        && fits(query, predicate, clip, j, false)) {
                    return new int[] {i, j};
                }
            }
        }
        return null;
    }

    /** Whether object i fits every subject (or object) entity of the predicate; true when it has none. */
    private static boolean fits(EncodedQuery query, int predicate, EncodedClip clip, int i, boolean subject) {
        boolean fits = true;
        for (int k = 0; k < query.size(); k++) {
            boolean role = subject ? query.adjacency()[k][predicate] : query.adjacency()[predicate][k];
            if (role && query.nodes().get(k).isEntity()) {
                fits &= PresenceScorer.matches(query.nodes().get(k), clip.objects().get(i).label());
            }
        }
        return fits;
    }

    private static GraphMatch match(QueryNode node, EncodedClip clip, int i, int j, double score) {
        if (i < 0) {
            return new GraphMatch(name(node), null, null, null, score);
        }
        String source = clip.objects().get(i).id();
        if (j < 0) {
            return new GraphMatch(name(node), source, null, null, score);
        }
        List<String> forward = clip.relations().get(i).get(j);
        List<String> backward = clip.relations().get(j).get(i);
        if (forward.isEmpty() && !backward.isEmpty()) {
            // the pair's relation was stated the other way round (j left_of i): report it as stated
            return new GraphMatch(name(node), clip.objects().get(j).id(), String.join("+", backward), source, score);
        }
        return new GraphMatch(name(node), source, forward.isEmpty() ? null : String.join("+", forward),
                clip.objects().get(j).id(), score);
    }

    /** "q{id}:{lemma}". */
    public static String name(QueryNode node) {
        return "q" + node.id() + ":" + node.lemma();
    }
}
