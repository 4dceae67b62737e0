package org.momentgraph.graph.query;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rule-based English lemmas for verbs and nouns ("lemma-ish": suffix rules plus tables of the
 * irregular forms that video queries use). No model is shipped for this, and query words are few
 * and common, so a table beats a dependency.
 */
final class Lemmas {

    private static final Map<String, String> IRREGULAR_VERBS = new HashMap<>();
    private static final Map<String, String> IRREGULAR_NOUNS = Map.ofEntries(
            Map.entry("men", "man"), Map.entry("women", "woman"), Map.entry("people", "person"),
            Map.entry("children", "child"), Map.entry("feet", "foot"), Map.entry("teeth", "tooth"),
            Map.entry("mice", "mouse"), Map.entry("knives", "knife"), Map.entry("shelves", "shelf"),
            Map.entry("leaves", "leaf"), Map.entry("wives", "wife"), Map.entry("lives", "life"),
            Map.entry("halves", "half"), Map.entry("guys", "guy"), Map.entry("toys", "toy"));
    /** Nouns that look plural but are not (or whose singular means something else). */
    private static final Set<String> PLURAL_ONLY = Set.copyOf(List.of("clothes", "pants", "jeans", "glasses", "scissors", "shorts",
            "stairs", "news", "physics", "series", "species", "sunglasses", "headphones", "pajamas",
            "this", "bus", "its", "has", "was", "is", "does"));
    /** Stems that keep a final e when -ing/-ed is removed and the rule below cannot tell. */
    private static final Set<String> E_STEMS = Set.copyOf(List.of("chang", "arrang", "charg", "danc", "sneez", "squeez", "lounge",
            "bounc", "pronounc", "announc", "glanc", "rins", "tickl", "cuddl", "snuggl", "juggl", "handl", "wrestl",
            "settl", "struggl", "giggl", "shuffl", "fondl", "nestl", "bundl", "hurdl", "paus", "caus", "leav", "serv",
            "receiv", "believ", "remov", "improv", "observ", "ey", "continu", "argu", "rescu", "officiat", "gestur", "pictur", "captur", "measur",
            "injur", "celebrat", "demonstrat", "examin", "imagin", "investigat", "hesitat", "operat", "decorat"));
    /** Stems ending consonant-vowel-consonant that take no e (the default for such stems is to add e). */
    private static final Set<String> NO_E_STEMS = Set.copyOf(List.of("open", "listen", "happen", "enter", "answer", "order", "gather",
            "visit", "edit", "wander", "offer", "cover", "discover", "flicker", "whisper", "wonder", "color", "vomit",
            "travel", "cancel", "label", "model", "level", "signal", "fasten", "sweeten", "tighten", "straighten",
            "eat", "heat", "beat", "seat", "cheat", "treat", "read", "lead", "load", "head", "need", "feed", "feel",
            "peel", "kneel", "look", "cook", "hook", "book", "shoot", "knit", "limit", "exit", "profit", "benefit",
            "point", "rain", "clean", "lean", "mean", "pour", "turn", "burn", "learn", "warn", "earn", "return",
            "open", "glisten", "frown", "clown", "drown", "pout", "shout", "sprout", "join", "coin", "groan", "moan",
            "loan", "scoff", "fix", "mix", "relax", "play", "stay", "lay", "pray", "spray", "sway", "show", "blow",
            "grow", "throw", "know", "flow", "sew", "chew", "view", "draw", "allow", "follow", "borrow", "swallow",
            "wait", "sit", "fit", "hit", "quit", "spit", "admit", "commit", "submit", "omit", "permit", "get", "set",
            "let", "bet", "wet", "forget", "put", "cut", "shut", "nod", "hug", "rub", "grab", "stop", "drop", "shop",
            "hop", "mop", "flip", "slip", "trip", "sip", "tip", "wrap", "clap", "tap", "nap", "snap", "slap", "run",
            "spin", "win", "begin", "plan", "scan", "ban", "beg", "jog", "dig", "wag", "tug", "drag", "brag", "bob",
            "sob", "rob", "hum", "swim", "trim", "step", "jam", "cram", "slam", "pet", "fret", "knot", "plot", "trot",
            "chat", "pat", "bat", "blot", "dot", "jot", "rot", "skip", "strip", "whip", "zip", "ship", "chop",
            "prop", "swap", "sup", "refer", "prefer", "occur", "deter", "stir", "blur", "star", "scar", "bar", "jar"));

    static {
        String[][] pairs = {
                {"took", "take"}, {"taken", "take"}, {"got", "get"}, {"gotten", "get"}, {"sat", "sit"},
                {"stood", "stand"}, {"ran", "run"}, {"threw", "throw"}, {"thrown", "throw"}, {"gave", "give"},
                {"given", "give"}, {"came", "come"}, {"went", "go"}, {"gone", "go"}, {"goes", "go"}, {"does", "do"},
                {"did", "do"}, {"done", "do"}, {"has", "have"}, {"had", "have"}, {"is", "be"}, {"are", "be"},
                {"was", "be"}, {"were", "be"}, {"been", "be"}, {"am", "be"}, {"'s", "be"}, {"'re", "be"},
                {"ate", "eat"}, {"eaten", "eat"}, {"drank", "drink"}, {"drunk", "drink"}, {"held", "hold"},
                {"left", "leave"}, {"brought", "bring"}, {"caught", "catch"}, {"said", "say"}, {"told", "tell"},
                {"saw", "see"}, {"seen", "see"}, {"made", "make"}, {"found", "find"}, {"felt", "feel"},
                {"fell", "fall"}, {"fallen", "fall"}, {"hung", "hang"}, {"kept", "keep"}, {"laid", "lay"},
                {"led", "lead"}, {"lost", "lose"}, {"met", "meet"}, {"paid", "pay"}, {"rode", "ride"},
                {"rose", "rise"}, {"risen", "rise"}, {"shook", "shake"}, {"slept", "sleep"}, {"spoke", "speak"},
                {"thought", "think"}, {"tore", "tear"}, {"torn", "tear"}, {"woke", "wake"}, {"wore", "wear"},
                {"worn", "wear"}, {"wrote", "write"}, {"written", "write"}, {"bought", "buy"}, {"began", "begin"},
                {"begun", "begin"}, {"drew", "draw"}, {"drawn", "draw"}, {"drove", "drive"}, {"flew", "fly"},
                {"forgot", "forget"}, {"hid", "hide"}, {"bit", "bite"}, {"blew", "blow"}, {"broke", "break"},
                {"broken", "break"}, {"built", "build"}, {"chose", "choose"}, {"dug", "dig"}, {"fed", "feed"},
                {"fought", "fight"}, {"knelt", "kneel"}, {"lit", "light"}, {"sent", "send"}, {"spent", "spend"},
                {"stole", "steal"}, {"struck", "strike"}, {"swam", "swim"}, {"taught", "teach"}, {"won", "win"},
                {"understood", "understand"}, {"heard", "hear"}, {"meant", "mean"}, {"sang", "sing"},
                {"lying", "lie"}, {"dying", "die"}, {"tying", "tie"}, {"ties", "tie"}, {"tied", "tie"},
                {"dries", "dry"}, {"dried", "dry"}, {"lies", "lie"}, {"sees", "see"}, {"agrees", "agree"},
                {"seeing", "see"}, {"being", "be"}, {"using", "use"}, {"uses", "use"}, {"used", "use"},
                {"leaves", "leave"}, {"leaving", "leave"}, {"undressing", "undress"}, {"dressing", "dress"},
                {"dresses", "dress"}, {"dressed", "dress"}, {"puts", "put"}, {"putting", "put"}};
        for (String[] p : pairs) {
            IRREGULAR_VERBS.put(p[0], p[1]);
        }
    }

    private Lemmas() {
    }

    /** Base form of a verb: "took" -> "take", "sitting" -> "sit", "closes" -> "close", "tries" -> "try". */
    static String verb(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR_VERBS.get(w);
        if (irregular != null) {
            return irregular;
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && w.endsWith("ied")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && w.endsWith("ing")) {
            return restoreStem(w.substring(0, w.length() - 3));
        }
        if (w.length() > 3 && w.endsWith("ed")) {
            return restoreStem(w.substring(0, w.length() - 2));
        }
        if (w.length() > 3 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes")
                || w.endsWith("zzes"))) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 2 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Singular of a common noun: "cups" -> "cup", "dishes" -> "dish", "men" -> "man"; "clothes" stays. */
    static String noun(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        String irregular = IRREGULAR_NOUNS.get(w);
        if (irregular != null) {
            return irregular;
        }
        if (PLURAL_ONLY.contains(w) || w.length() <= 3) {
            return w;
        }
        if (w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes") || w.endsWith("zzes")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    /** Undoes -ing/-ed spelling changes: doubled consonant ("sitt" -> "sit"), dropped e ("tak" -> "take"). */
    private static String restoreStem(String stem) {
        if (stem.length() < 2) {
            return stem;
        }
        if (NO_E_STEMS.contains(stem)) {
            return stem;
        }
        if (E_STEMS.contains(stem)) {
            return stem + "e";
        }
        char last = stem.charAt(stem.length() - 1);
        char before = stem.charAt(stem.length() - 2);
        if (last == before && "bdgmnprtz".indexOf(last) >= 0) {
            return stem.substring(0, stem.length() - 1);
        }
        if (stem.endsWith("e") || stem.endsWith("y") || stem.endsWith("w") || stem.endsWith("x")) {
            return stem;
        }
        if (last == 'v' || (last == 'l' && "bcdfgkpstz".indexOf(before) >= 0)) {
            return stem + "e";
        }
        // consonant-vowel-consonant ending of a short stem: take -> tak, close -> clos, smile -> smil
        if (stem.length() <= 5 && isConsonant(last) && isVowel(before)
                && (stem.length() < 3 || !isVowel(stem.charAt(stem.length() - 3)))) {
            return stem + "e";
        }
        return stem;
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static boolean isConsonant(char c) {
        return Character.isLetter(c) && !isVowel(c);
    }
}
