package org.momentgraph.graph.query;

/** A subject -> predicate -> object path of a {@link QueryGraph}. */
public record Triple(QueryNode subject, QueryNode predicate, QueryNode object) {

    /** "sheldon|sit down in|spot": lemmas joined by '|', handy in tests and logs. */
    public String lemmas() {
        return subject.lemma() + "|" + predicate.lemma() + "|" + object.lemma();
    }

    @Override
    public String toString() {
        return subject.lemma() + " -" + predicate.lemma() + "-> " + object.lemma();
    }
}
