package org.momentgraph.eval.synthetic;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The words of the queries: for each interaction several present-tense verb phrases (synonyms and
 * paraphrases) and gerund phrases for temporal clauses; {o} is the object, {r} the recipient, {s} the
 * surface ("the table", "the floor").
 */
final class Phrasebook {

    private static final Map<Interaction, List<String>> PRESENT = new EnumMap<>(Interaction.class);
    private static final Map<Interaction, List<String>> GERUND = new EnumMap<>(Interaction.class);

    static {
        phrases(Interaction.HOLDS, List.of("carries {o}", "holds {o}", "walks around holding {o}", "carries {o} across the room",
                "walks off with {o} in hand"), List.of("carrying {o}", "holding {o}"));
        phrases(Interaction.PICKS_UP, List.of("picks up {o}", "grabs {o}", "lifts {o}", "picks {o} up from {s}",
                "takes {o} off {s}", "reaches for {o} and picks it up"), List.of("picking up {o}", "grabbing {o}"));
        phrases(Interaction.PUTS_DOWN, List.of("puts down {o}", "puts {o} down on {s}", "sets {o} down on {s}",
                "places {o} on {s}", "leaves {o} on {s} and steps away"), List.of("putting down {o}", "setting {o} down"));
        phrases(Interaction.OPENS, List.of("opens {o}", "pulls {o} open", "opens up {o}"), List.of("opening {o}"));
        phrases(Interaction.CLOSES, List.of("closes {o}", "shuts {o}", "pushes {o} closed"), List.of("closing {o}", "shutting {o}"));
        phrases(Interaction.SITS_ON, List.of("sits on {o}", "sits down on {o}", "takes a seat on {o}", "sits down on {o} to rest"),
                List.of("sitting down on {o}"));
        phrases(Interaction.STANDS_UP_FROM, List.of("stands up from {o}", "gets up from {o}", "gets off {o}", "rises from {o}"),
                List.of("getting up from {o}", "standing up from {o}"));
        phrases(Interaction.WALKS_TO, List.of("walks to {o}", "walks over to {o}", "goes over to {o}", "approaches {o}",
                "heads over to {o}"), List.of("walking over to {o}", "going to {o}"));
        phrases(Interaction.THROWS, List.of("throws {o}", "tosses {o}", "throws {o} across the room", "flings {o} away"),
                List.of("throwing {o}", "tossing {o}"));
        phrases(Interaction.HANDS_TO, List.of("hands {o} to {r}", "gives {o} to {r}", "passes {o} to {r}", "gives {r} {o}"),
                List.of("handing {o} to {r}", "giving {r} {o}"));
        phrases(Interaction.PUSHES, List.of("pushes {o}", "shoves {o} across the floor", "slides {o} along the floor",
                "pushes {o} aside"), List.of("pushing {o}", "moving {o}"));
        phrases(Interaction.KICKS, List.of("kicks {o}", "kicks {o} away", "gives {o} a kick"), List.of("kicking {o}"));
        phrases(Interaction.PETS, List.of("pets {o}", "crouches down to pet {o}", "strokes {o}", "bends down and pets {o}"),
                List.of("petting {o}"));
    }

    private Phrasebook() {
    }

    private static void phrases(Interaction in, List<String> present, List<String> gerund) {
        PRESENT.put(in, present);
        GERUND.put(in, gerund);
    }

    static int presentCount(Interaction in) {
        return PRESENT.get(in).size();
    }

    /** A present-tense verb phrase for the event, e.g. "grabs the mug". */
    static String present(Interaction in, String object, String recipient, String surface, SplittableRandom rng) {
        return fill(pick(PRESENT.get(in), surface, rng), object, recipient, surface);
    }

    /** A gerund phrase for the event, e.g. "opening the door". */
    static String gerund(Interaction in, String object, String recipient, String surface, SplittableRandom rng) {
        return fill(pick(GERUND.get(in), surface, rng), object, recipient, surface);
    }

    /** A phrase; ones naming the surface only when the surface is known. */
    private static String pick(List<String> from, String surface, SplittableRandom rng) {
        while (true) {
            String p = from.get(rng.nextInt(from.size()));
            if (surface != null || !p.contains("{s}")) {
                return p;
            }
        }
    }

    private static String fill(String template, String object, String recipient, String surface) {
        return template.replace("{o}", object).replace("{r}", recipient == null ? "" : recipient)
                .replace("{s}", surface == null ? "" : surface);
    }

    /** How a query names the acting person without a name. */
    static String someone(boolean female, boolean definite, SplittableRandom rng) {
        List<String> words = female
                ? (definite ? List.of("the woman", "the girl", "the lady") : List.of("a woman", "a girl", "a lady"))
                : (definite ? List.of("the man", "the guy") : List.of("a man", "a guy"));
        return words.get(rng.nextInt(words.size()));
    }

    static String anyone(SplittableRandom rng) {
        List<String> words = List.of("someone", "a person", "the person", "somebody");
        return words.get(rng.nextInt(words.size()));
    }

    /** "the mug", "a coffee mug": a noun for the category with an article. */
    static String thing(Category c, SplittableRandom rng) {
        String noun = c.nouns().get(rng.nextDouble() < 0.55 ? 0 : rng.nextInt(c.nouns().size()));
        if (rng.nextDouble() < 0.7) {
            return "the " + noun;
        }
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
