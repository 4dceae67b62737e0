package org.momentgraph.graph.query;

import java.util.List;
import java.util.Locale;

/** A query's tokens with their universal POS tags, and the token tests the graph builder asks. */
final class TaggedTokens {

    final String[] words;
    final String[] lower;
    final String[] tags;

    TaggedTokens(String[] words, String[] tags) {
        this.words = words;
        this.tags = tags;
        this.lower = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            lower[i] = words[i].toLowerCase(Locale.ROOT);
        }
    }

    int size() {
        return words.length;
    }

    boolean tag(int i, String... any) {
        if (i < 0 || i >= tags.length) {
            return false;
        }
        for (String t : any) {
            if (tags[i].equals(t)) {
                return true;
            }
        }
        return false;
    }

    boolean is(int i, String word) {
        return i >= 0 && i < lower.length && lower[i].equals(word);
    }

    boolean isNoun(int i) {
        return tag(i, "NOUN", "PROPN");
    }

    boolean isPossessiveMarker(int i) {
        return (is(i, "'s") || is(i, "'") || is(i, "’s")) && tag(i, "PART", "PUNCT", "AUX", "VERB")
                && isNpStart(i + 1) && !tag(i + 1, "PRON");
    }

    /** A possessive determiner ("his", "her" before a noun phrase), never an entity. */
    boolean isPossessiveDeterminer(int i) {
        return i < lower.length && EnglishWords.POSSESSIVE.contains(lower[i]) && tag(i, "PRON", "DET")
                && (tag(i + 1, "NOUN", "PROPN", "ADJ", "NUM") || (lower[i].equals("his") || lower[i].equals("their")
                        || lower[i].equals("my") || lower[i].equals("your") || lower[i].equals("our")));
    }

    /** An entity pronoun: personal ("he", "it") or indefinite ("someone", "something"). */
    boolean isEntityPronoun(int i) {
        if (!tag(i, "PRON", "DET", "NOUN") || isPossessiveDeterminer(i)) {
            return false;
        }
        if (tag(i, "DET") && (isNoun(i + 1) || tag(i + 1, "ADJ", "NUM"))) {
            return false; // "some paper", "this cup": a determiner
        }
        return EnglishWords.PERSON_PRONOUNS.contains(lower[i]) || EnglishWords.THING_PRONOUNS.contains(lower[i])
                || (EnglishWords.INDEFINITE_PRONOUNS.contains(lower[i]) && tag(i, "PRON", "NOUN"));
    }

    /** Whether a noun phrase starts at i: a determiner, adjective, number or noun that leads to a noun, or a pronoun. */
    boolean isNpStart(int i) {
        if (i < 0 || i >= lower.length) {
            return false;
        }
        if (isEntityPronoun(i)) {
            return true;
        }
        for (int j = i; j < lower.length && j < i + 6; j++) {
            if (isNoun(j)) {
                return true;
            }
            boolean modifier = tag(j, "DET", "ADJ", "NUM") || isPossessiveDeterminer(j) || (is(j, "-") && j > i)
                    || (tag(j, "ADV") && j > i && tag(j + 1, "ADJ"));
            if (!modifier) {
                return false;
            }
        }
        return false;
    }

    /** Length of the multi-word preposition starting at i, or 0. */
    int multiwordPreposition(int i) {
        for (List<String> prep : EnglishWords.MULTIWORD_PREPOSITIONS) {
            if (i + prep.size() <= lower.length) {
                boolean match = true;
                for (int k = 0; k < prep.size() && match; k++) {
                    match = lower[i + k].equals(prep.get(k));
                }
                if (match) {
                    return prep.size();
                }
            }
        }
        return 0;
    }

    /** A preposition that can relate two entities ("on", "with", "from"), as opposed to "while", "after". */
    boolean isRelationalPreposition(int i) {
        return tag(i, "ADP") && !EnglishWords.NON_RELATIONAL.contains(lower[i])
                && !EnglishWords.TEMPORAL.contains(lower[i]);
    }

    boolean isParticle(int i) {
        return i < lower.length && EnglishWords.PARTICLES.contains(lower[i]) && tag(i, "ADP", "ADV", "PART", "ADJ");
    }

    boolean isTemporalConnective(int i) {
        return i < lower.length && EnglishWords.TEMPORAL.contains(lower[i]) && tag(i, "ADV", "ADP", "SCONJ", "CCONJ");
    }

    /** Tokens that end a clause for subject purposes: punctuation, conjunctions, subordinators. */
    boolean isBoundary(int i) {
        return tag(i, "PUNCT", "CCONJ", "SCONJ") || isTemporalConnective(i)
                || (tag(i, "PRON") && (is(i, "who") || is(i, "which") || is(i, "that")));
    }

    boolean isVerb(int i) {
        return tag(i, "VERB");
    }
}
