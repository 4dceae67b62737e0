package org.momentgraph.graph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Fixes what OpenNLP's UD English models get wrong on short video descriptions: the tokenizer
 * leaves clitics attached ("Penny's", "he's") and a final period on short words ("tv."), and the
 * tagger, trained on web text, calls sentence-initial names adverbs ("Howard/ADV took") and
 * third-person verbs nouns ("Sheldon sits/NOUN on"). Each rule below is small and local.
 */
final class TagRepair {

    private static final Set<String> CLITICS = Set.of("'s", "’s", "'re", "'ve", "'ll", "'d", "'m", "n't");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "it", "they", "who", "someone",
            "somebody", "everyone");
    private static final Set<String> OBJECT_PRONOUNS = Set.of("him", "them", "it", "me", "us", "himself", "herself",
            "themselves", "itself");
    private static final Set<String> MOTION = Set.of("go", "walk", "run", "come", "head", "move", "return", "rush",
            "hurry", "step", "race", "jog", "wander");
    /** Capitalised first words that are not names. */
    private static final Set<String> NOT_NAMES = Set.of("person", "people", "someone", "somebody", "everyone", "man",
            "woman", "guy", "lady", "then", "later", "there", "here", "now", "next", "finally", "first", "after",
            "before", "while", "when", "as", "once", "inside", "outside", "everybody", "nobody", "one", "two", "three",
            "both", "all", "again", "still", "meanwhile", "suddenly", "eventually", "soon");

    private TagRepair() {
    }

    private static String lower(String w) {
        return w.toLowerCase(Locale.ROOT);
    }

    /** Splits clitics and a stuck final period off tokens. */
    static String[] splitTokens(String[] tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (i == tokens.length - 1 && t.length() > 1 && t.endsWith(".") && t.indexOf('.') == t.length() - 1) {
                out.addAll(List.of(splitClitic(t.substring(0, t.length() - 1))));
                out.add(".");
            } else {
                out.addAll(List.of(splitClitic(t)));
            }
        }
        return out.toArray(String[]::new);
    }

    private static String[] splitClitic(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        for (String c : CLITICS) {
            if (lower.endsWith(c) && t.length() > c.length()) {
                return new String[] {t.substring(0, t.length() - c.length()), t.substring(t.length() - c.length())};
            }
        }
        if (lower.endsWith("s'") && t.length() > 2) { // plural possessive: "the kids' room"
            return new String[] {t.substring(0, t.length() - 1), "'"};
        }
        return new String[] {t};
    }

    /** Corrects tags in place; tags combined by the tagger for unsplit tokens ("PROPN+PART") never reach here. */
    static void repair(String[] words, String[] tags) {
        int n = words.length;
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = words[i].toLowerCase(Locale.ROOT);
            if (tags[i].contains("+")) {
                tags[i] = tags[i].substring(0, tags[i].indexOf('+'));
            }
            if (CLITICS.contains(lower[i]) || lower[i].equals("'")) {
                tags[i] = lower[i].equals("n't") ? "PART" : "AUX";
                boolean possessive = (lower[i].equals("'s") || lower[i].equals("’s") || lower[i].equals("'"))
                        && i > 0 && i + 1 < n && (tags[i - 1].startsWith("NOUN") || tags[i - 1].startsWith("PROPN"))
                        && !(tags[i + 1].startsWith("VERB") && lower(words[i + 1]).matches(".*(ing|ed|en)"))
                        && !tags[i + 1].startsWith("ADV") && !tags[i + 1].startsWith("ADP")
                        && !tags[i + 1].startsWith("DET");
                if (possessive) {
                    tags[i] = "PART"; // "Penny's costume party"
                    if (tags[i + 1].startsWith("VERB")) {
                        tags[i + 1] = "NOUN";
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            boolean capital = Character.isUpperCase(words[i].charAt(0)) && words[i].chars().allMatch(Character::isLetter);
            if (capital && !NOT_NAMES.contains(lower[i]) && Set.of("NOUN", "ADV", "ADJ", "VERB", "X", "INTJ").contains(tags[i])
                    && (i > 0 || !lower[i].endsWith("ly")) && !(i == 0 && i + 1 < n && tags[i + 1].equals("PUNCT"))
                    && !(i == 0 && (i + 1 < n && tags[i + 1].matches("NOUN|ADJ|PROPN")) && tags[i].equals("ADJ"))) {
                tags[i] = "PROPN"; // "Howard/ADV took", "and Penny/NOUN makes"
            }
        }
        for (int i = 0; i < n; i++) {
            String prev = i > 0 ? tags[i - 1] : "";
            String next = i + 1 < n ? tags[i + 1] : "";
            String prevWord = i > 0 ? lower[i - 1] : "";
            String nextWord = i + 1 < n ? lower[i + 1] : "";
            if (tags[i].equals("NOUN") && lower[i].endsWith("s") && !lower[i].endsWith("ss") && lower[i].length() > 3) {
                boolean afterSubject = prev.equals("PROPN") || SUBJECT_PRONOUNS.contains(prevWord)
                        || (prev.equals("NOUN") && ObjectClasses.isPerson(Lemmas.noun(prevWord)));
                boolean afterConjunction = prevWord.equals("and") || prevWord.equals("then") || prevWord.equals("or");
                boolean argumentFollows = Set.of("DET", "ADP", "PRON", "PART", "ADV", "PROPN").contains(next)
                        || EnglishWords.POSSESSIVE.contains(nextWord);
                if (afterSubject && (argumentFollows || next.equals("NOUN") || next.equals("PUNCT") || next.isEmpty())
                        || afterConjunction && argumentFollows) {
                    tags[i] = "VERB"; // "Sheldon sits/NOUN on", "and hands/NOUN it"
                }
            }
            if (tags[i].equals("NOUN") && OBJECT_PRONOUNS.contains(nextWord) && !nextWord.equals("it")) {
                tags[i] = "VERB"; // "Bernadette dress/NOUN him"
            }
            if (tags[i].equals("NOUN") && lower[i].endsWith("ing") && prev.equals("VERB")
                    && EnglishWords.CATENATIVE.contains(Lemmas.verb(prevWord))) {
                tags[i] = "VERB"; // "begins undressing/NOUN"
            }
            if (tags[i].equals("VERB") && (prev.equals("DET") || prev.equals("ADJ")
                    || EnglishWords.POSSESSIVE.contains(prevWord)) && next.equals("NOUN")) {
                tags[i] = "ADJ"; // "a blue folding/VERB board", "her left/VERB hand"
            }
            if (tags[i].equals("AUX") && lower[i].equals("can") && prev.equals("NOUN") && !next.equals("VERB")) {
                tags[i] = "NOUN"; // "the trash can/AUX and"
            }
            if (tags[i].equals("AUX") && Set.of("do", "does", "did", "has", "have", "had").contains(lower[i])
                    && Set.of("DET", "NOUN", "ADJ", "NUM").contains(next)) {
                tags[i] = "VERB"; // "Sheldon does/AUX a yoga pose"
            }
            if (tags[i].equals("VERB") && prevWord.equals("to") && i > 1 && tags[i - 2].equals("VERB")
                    && MOTION.contains(Lemmas.verb(lower[i - 2])) && (next.isEmpty() || next.equals("PUNCT")
                    || next.equals("CCONJ"))) {
                tags[i] = "NOUN"; // "goes to closet/VERB and"
                tags[i - 1] = "ADP";
            }
            if (tags[i].equals("PART") && lower[i].equals("to") && Set.of("DET", "PROPN", "PRON", "NOUN").contains(next)
                    && !(next.equals("NOUN") && i + 2 < n && tags[i + 2].matches("DET|PRON|ADP"))) {
                tags[i] = "ADP"; // "hands it to/PART Stuart"
            }
            if (tags[i].equals("VERB") && Lemmas.verb(lower[i]).equals("be")) {
                tags[i] = "AUX"; // copulas relate nothing by themselves
            }
        }
    }
}
