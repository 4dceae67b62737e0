package org.momentgraph.graph.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * The query graph while it is being built: nodes still grow (a particle found after the object
 * joins its verb), pronouns point at earlier nodes. {@link #build} freezes it into a {@link QueryGraph}.
 */
final class DraftGraph {

    /** A node under construction. */
    static final class Draft {
        final QueryNode.Kind kind;
        final TreeSet<Integer> tokens = new TreeSet<>();
        int head;
        boolean properName;
        /** Fixed lemma for nodes without a word of their own (possessive "'s" -> have). */
        String fixedLemma;
        final Set<Draft> subjects = new LinkedHashSet<>();
        final Set<Draft> objects = new LinkedHashSet<>();
        /** Predicates this entity is the object of. */
        final List<Draft> objectOf = new ArrayList<>();

        Draft(QueryNode.Kind kind, int head) {
            this.kind = kind;
            this.head = head;
            tokens.add(head);
        }

        /** Set for predicates headed by a verb (not a preposition or possessive). */
        boolean verb;

        boolean isVerbPredicate() {
            return kind == QueryNode.Kind.PREDICATE && verb;
        }
    }

    private final TaggedTokens tt;
    final List<Draft> entities = new ArrayList<>();
    final List<Draft> predicates = new ArrayList<>();
    final List<Draft[]> temporal = new ArrayList<>();
    final List<String> temporalLabels = new ArrayList<>();

    DraftGraph(TaggedTokens tt) {
        this.tt = tt;
    }

    Draft newEntity(int head) {
        Draft d = new Draft(QueryNode.Kind.ENTITY, head);
        entities.add(d);
        return d;
    }

    Draft newPredicate(int head) {
        Draft d = new Draft(QueryNode.Kind.PREDICATE, head);
        predicates.add(d);
        return d;
    }

    void object(Draft predicate, Draft entity) {
        if (predicate.objects.add(entity)) {
            entity.objectOf.add(predicate);
        }
    }

    void temporal(Draft earlier, Draft later, String connective) {
        if (earlier != later) {
            temporal.add(new Draft[] {earlier, later});
            temporalLabels.add(connective);
        }
    }

    String lemma(Draft d) {
        if (d.fixedLemma != null) {
            return d.fixedLemma;
        }
        List<String> parts = new ArrayList<>();
        for (int t : d.tokens) {
            if (t != d.head) {
                parts.add(tt.lower[t]);
            } else if (d.kind == QueryNode.Kind.PREDICATE) {
                parts.add(tt.isVerb(t) ? Lemmas.verb(tt.lower[t]) : tt.lower[t]);
            } else {
                parts.add(tt.tag(t, "NOUN") ? Lemmas.noun(tt.lower[t]) : tt.lower[t]);
            }
        }
        return String.join(" ", parts);
    }

    String head(Draft d) {
        if (d.fixedLemma != null) {
            return d.fixedLemma;
        }
        if (d.kind == QueryNode.Kind.PREDICATE) {
            return tt.isVerb(d.head) ? Lemmas.verb(tt.lower[d.head]) : tt.lower[d.head];
        }
        return tt.tag(d.head, "NOUN") ? Lemmas.noun(tt.lower[d.head]) : tt.lower[d.head];
    }

    QueryGraph build(String text, WordEmbedder embedder) {
        DirectedMultigraph<QueryNode, QueryEdge> g = new DirectedMultigraph<>(null, null, false);
        java.util.Map<Draft, QueryNode> nodes = new java.util.HashMap<>();
        List<Draft> all = new ArrayList<>(entities);
        all.addAll(predicates);
        all.sort(java.util.Comparator.comparingInt((Draft d) -> d.tokens.first()).thenComparing(d -> d.kind));
        for (Draft d : all) {
            List<String> words = d.tokens.stream().map(t -> tt.words[t]).toList();
            String lemma = lemma(d);
            String canonical = d.kind == QueryNode.Kind.PREDICATE ? lemma
                    : d.properName ? lemma : pronounClass(d).orElse(ObjectClasses.canonical(lemma));
            QueryNode node = new QueryNode(nodes.size(), d.kind, words,
                    d.tokens.stream().mapToInt(Integer::intValue).toArray(), lemma, head(d), canonical, d.properName);
            nodes.put(d, node);
            g.addVertex(node);
        }
        for (Draft p : predicates) {
            for (Draft s : p.subjects) {
                g.addEdge(nodes.get(s), nodes.get(p), new QueryEdge(QueryEdge.Kind.SUBJECT, "subject"));
            }
            for (Draft o : p.objects) {
                g.addEdge(nodes.get(p), nodes.get(o), new QueryEdge(QueryEdge.Kind.OBJECT, "object"));
            }
        }
        for (int k = 0; k < temporal.size(); k++) {
            Draft[] pair = temporal.get(k);
            g.addEdge(nodes.get(pair[0]), nodes.get(pair[1]), new QueryEdge(QueryEdge.Kind.TEMPORAL, temporalLabels.get(k)));
        }
        if (embedder != null) {
            embed(embedder, nodes.values());
        }
        return new QueryGraph(text, List.of(tt.words), List.of(tt.tags), g);
    }

    private java.util.Optional<String> pronounClass(Draft d) {
        String w = tt.lower[d.head];
        if (tt.tag(d.head, "PRON") && EnglishWords.PERSON_PRONOUNS.contains(w)) {
            return java.util.Optional.of("person");
        }
        return java.util.Optional.empty();
    }

    private void embed(WordEmbedder embedder, java.util.Collection<QueryNode> nodes) {
        if (tt.size() == 0) {
            return;
        }
        float[][] vectors = embedder.embed(List.of(tt.words));
        if (vectors == null || vectors.length != tt.size()) {
            throw new IllegalArgumentException("WordEmbedder returned " + (vectors == null ? "null" : vectors.length)
                    + " vectors for " + tt.size() + " words");
        }
        for (QueryNode node : nodes) {
            int[] tokens = node.tokenIndices();
            int dim = vectors[tokens[0]].length;
            float[] mean = new float[dim];
            for (int t : tokens) {
                if (vectors[t].length != dim) {
                    throw new IllegalArgumentException("WordEmbedder vectors differ in length");
                }
                for (int i = 0; i < dim; i++) {
                    mean[i] += vectors[t][i] / tokens.length;
                }
            }
            node.setFeature(mean);
        }
    }
}
