package org.momentgraph.graph.query;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps entity nouns to a canonical object class where the synonymy is obvious, so that a query's
 * "mug" matches a detector's "cup". Apply {@link #canonical(String)} to detection labels too, and
 * both sides meet in the same vocabulary. Words not in the table are their own class.
 *
 * <p>The table (synonyms -> class):
 * <ul>
 * <li>person: man, woman, guy, lady, boy, girl, kid, child, gentleman, dude, someone, somebody, anyone,
 *     people, persons</li>
 * <li>sofa: couch, settee, loveseat</li>
 * <li>cup: mug, teacup, coffee cup</li>
 * <li>television: tv, telly, tv set</li>
 * <li>phone: cellphone, cell phone, smartphone, telephone, mobile phone, cell</li>
 * <li>refrigerator: fridge</li>
 * <li>picture: photo, photograph, pic</li>
 * <li>laptop: laptop computer, notebook computer</li>
 * <li>clothes: clothing</li>
 * <li>shoe: sneaker</li>
 * <li>blanket: quilt, comforter</li>
 * <li>bag: handbag, purse</li>
 * <li>glass: drinking glass</li>
 * </ul>
 * Compound nouns fall back to their head ("coffee table" -> table, "dryer door" -> door) unless
 * the whole compound is in the table ("cell phone" -> phone).
 */
public final class ObjectClasses {

    private static final Map<String, String> CLASS_OF = new HashMap<>();

    static {
        add("person", "man", "woman", "guy", "lady", "boy", "girl", "kid", "child", "gentleman", "dude", "someone",
                "somebody", "anyone", "anybody", "people", "persons");
        add("sofa", "couch", "settee", "loveseat");
        add("cup", "mug", "teacup", "coffee cup");
        add("television", "tv", "telly", "tv set");
        add("phone", "cellphone", "cell phone", "smartphone", "telephone", "mobile phone", "cell");
        add("refrigerator", "fridge");
        add("picture", "photo", "photograph", "pic");
        add("laptop", "laptop computer", "notebook computer");
        add("clothes", "clothing");
        add("shoe", "sneaker");
        add("blanket", "quilt", "comforter");
        add("bag", "handbag", "purse");
        add("glass", "drinking glass");
    }

    private ObjectClasses() {
    }

    private static void add(String canonical, String... synonyms) {
        CLASS_OF.put(canonical, canonical);
        for (String s : synonyms) {
            CLASS_OF.put(s, canonical);
        }
    }

    /**
     * The canonical class of a (lemmatised, singular) noun phrase: the table entry for the whole
     * phrase, else for its last word, else the last word itself. Case and underscores are ignored.
     */
    public static String canonical(String nounPhrase) {
        String phrase = nounPhrase.toLowerCase(Locale.ROOT).replace('_', ' ').trim().replaceAll("\\s+", " ");
        String whole = CLASS_OF.get(phrase);
        if (whole != null) {
            return whole;
        }
        String head = phrase.substring(phrase.lastIndexOf(' ') + 1);
        return CLASS_OF.getOrDefault(head, head);
    }

    /** Whether the table lists this word (as a class or a synonym). */
    public static boolean isKnown(String word) {
        return CLASS_OF.containsKey(word.toLowerCase(Locale.ROOT));
    }

    /** Whether the noun's class is person. */
    public static boolean isPerson(String nounPhrase) {
        return canonical(nounPhrase).equals("person");
    }
}
