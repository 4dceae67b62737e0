package org.momentgraph.graph.video;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.momentgraph.graph.relation.RelationType;

/**
 * A compact numeric summary of a clip graph (or any labelled graph) for neural code: how many nodes of
 * each label, edges of each relation type and (subject label, relation, object label) triples it has.
 * Labels are lower-cased so "Sheldon" and "sheldon" count together.
 *
 * @param nodes          node count
 * @param edges          edge count
 * @param labelCounts    nodes per label
 * @param relationCounts edges per relation key
 * @param tripleCounts   edges per (source label, relation, target label)
 */
public record ClipGraphFeatures(int nodes, int edges, Map<String, Integer> labelCounts,
        Map<String, Integer> relationCounts, Map<Triple, Integer> tripleCounts) {

    /** A (subject, relation, object) triple of labels. */
    public record Triple(String subject, String relation, String object) implements Comparable<Triple> {
        @Override
        public int compareTo(Triple o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return subject + " " + relation + " " + object;
        }
    }

    public ClipGraphFeatures {
        labelCounts = Collections.unmodifiableMap(new TreeMap<>(labelCounts));
        relationCounts = Collections.unmodifiableMap(new TreeMap<>(relationCounts));
        tripleCounts = Collections.unmodifiableMap(new TreeMap<>(tripleCounts));
    }

    /** Counts of any graph, given each node's label and each edge's relation name. */
    public static <V, E> ClipGraphFeatures of(Graph<V, E> graph, Function<V, String> label,
            Function<E, String> relation) {
        Map<String, Integer> labels = new TreeMap<>();
        for (V v : graph.vertexSet()) {
            labels.merge(norm(label.apply(v)), 1, Integer::sum);
        }
        Map<String, Integer> relations = new TreeMap<>();
        Map<Triple, Integer> triples = new TreeMap<>();
        for (E e : graph.edgeSet()) {
            String r = relation.apply(e);
            relations.merge(r, 1, Integer::sum);
            triples.merge(new Triple(norm(label.apply(graph.getEdgeSource(e))), r,
                    norm(label.apply(graph.getEdgeTarget(e)))), 1, Integer::sum);
        }
        return new ClipGraphFeatures(graph.vertexSet().size(), graph.edgeSet().size(), labels, relations, triples);
    }

    private static String norm(String label) {
        return label.toLowerCase(Locale.ROOT);
    }

    /**
     * A fixed-length vector: [nodes, edges, count per vocabulary label, count of other labels, count per
     * {@link RelationType}, triple counts hashed into {@code tripleBuckets} slots].
     */
    public float[] vector(List<String> labelVocabulary, int tripleBuckets) {
        List<String> vocab = new ArrayList<>();
        for (String l : labelVocabulary) {
            vocab.add(norm(l));
        }
        RelationType[] types = RelationType.values();
        float[] out = new float[2 + vocab.size() + 1 + types.length + tripleBuckets];
        out[0] = nodes;
        out[1] = edges;
        int other = 0;
        for (Map.Entry<String, Integer> e : labelCounts.entrySet()) {
            int i = vocab.indexOf(e.getKey());
            if (i >= 0) {
                out[2 + i] += e.getValue();
            } else {
                other += e.getValue();
            }
        }
        out[2 + vocab.size()] = other;
        int base = 3 + vocab.size();
        for (RelationType t : types) {
            out[base + t.ordinal()] = relationCounts.getOrDefault(t.key(), 0);
        }
        base += types.length;
        if (tripleBuckets > 0) {
            for (Map.Entry<Triple, Integer> e : tripleCounts.entrySet()) {
                out[base + Math.floorMod(e.getKey().toString().hashCode(), tripleBuckets)] += e.getValue();
            }
        }
        return out;
    }
}
