package org.momentgraph.graph.query;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A node of a {@link QueryGraph}: an entity ("Sheldon", "coffee table") or a predicate ("sits down
 * on", "picks up", "in front of"). Identity is the node's id within its graph (jgrapht keys
 * vertices by {@code equals}); the optional feature is filled by a {@link WordEmbedder}.
 */
public final class QueryNode {

    /** What a node stands for. */
    public enum Kind { ENTITY, PREDICATE }

    private final int id;
    private final Kind kind;
    private final List<String> words;
    private final int[] tokens;
    private final String lemma;
    private final String head;
    private final String canonicalClass;
    private final boolean properName;
    private float[] feature;

    QueryNode(int id, Kind kind, List<String> words, int[] tokens, String lemma, String head, String canonicalClass,
            boolean properName) {
        this.id = id;
        this.kind = kind;
        this.words = List.copyOf(words);
        this.tokens = tokens.clone();
        this.lemma = lemma;
        this.head = head;
        this.canonicalClass = canonicalClass;
        this.properName = properName;
    }

    public int id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isEntity() {
        return kind == Kind.ENTITY;
    }

    public boolean isPredicate() {
        return kind == Kind.PREDICATE;
    }

    /** Surface words as written ("sits", "down", "in"; "white", "drone"); determiners left out. */
    public List<String> words() {
        return words;
    }

    /** Indices of {@link #words()} in the query's token list (not always contiguous: "picks his jacket up"). */
    public int[] tokenIndices() {
        return tokens.clone();
    }

    /** First token index (inclusive). */
    public int spanStart() {
        return tokens[0];
    }

    /** Last token index + 1 (exclusive). */
    public int spanEnd() {
        return tokens[tokens.length - 1] + 1;
    }

    /** Lower-cased words with the head lemmatised: "sit down in", "white drone", "cup". */
    public String lemma() {
        return lemma;
    }

    /** Lemma of the head word only: the verb of a predicate ("sit"), the last noun of an entity ("table"). */
    public String head() {
        return head;
    }

    /**
     * For entities, the object class to match detections against ({@link ObjectClasses}: mug -> cup,
     * couch -> sofa, man -> person; a proper name's class is the lower-cased name). For predicates,
     * the lemma.
     */
    public String canonicalClass() {
        return canonicalClass;
    }

    /** Whether the entity is a proper name (a character such as "Sheldon"). */
    public boolean isProperName() {
        return properName;
    }

    /** The node's feature vector, if an embedder was given to the parser. */
    public Optional<float[]> feature() {
        return Optional.ofNullable(feature).map(float[]::clone);
    }

    void setFeature(float[] feature) {
        this.feature = feature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryNode other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(id);
    }

    @Override
    public String toString() {
        return (kind == Kind.ENTITY ? "E" : "P") + id + ":" + lemma + (kind == Kind.ENTITY && !canonicalClass.equals(lemma)
                ? "(" + canonicalClass + ")" : "") + Arrays.toString(tokens);
    }
}
