package org.momentgraph.graph.query;

import java.util.List;
import java.util.Set;

/** The closed word classes the query-graph heuristics key on. */
final class EnglishWords {

    private EnglishWords() {
    }

    /** Words that, right after a verb (or after its object, clause-finally), form a phrasal verb. */
    static final Set<String> PARTICLES = Set.of("up", "down", "out", "off", "on", "in", "away", "back", "over",
            "around", "aside", "together", "inside", "outside", "apart", "open", "through", "across", "forward",
            "along", "upstairs", "downstairs", "about", "by");

    /** Particles that may also stand after a verb's object ("picks his jacket up", "turn a light on"). */
    static final Set<String> SEPARABLE_PARTICLES = Set.of("up", "down", "out", "off", "on", "in", "away", "back",
            "over", "around", "aside", "together", "apart", "open", "inside", "outside");

    /** Quantity words that modify a noun without naming a kind of thing ("several pictures"). */
    static final Set<String> QUANTIFIERS = Set.of("several", "many", "few", "multiple", "various", "numerous", "some",
            "all", "both", "each", "every", "couple", "more", "most", "other");

    /** Multi-word prepositions, longest first so "in front of" wins over "in". */
    static final List<List<String>> MULTIWORD_PREPOSITIONS = List.of(
            List.of("on", "the", "side", "of"), List.of("in", "front", "of"), List.of("on", "top", "of"),
            List.of("in", "the", "middle", "of"), List.of("at", "the", "end", "of"), List.of("next", "to"),
            List.of("out", "of"), List.of("away", "from"), List.of("close", "to"), List.of("across", "from"),
            List.of("in", "between"), List.of("inside", "of"), List.of("outside", "of"), List.of("up", "to"),
            List.of("on", "to"), List.of("in", "to"), List.of("along", "with"), List.of("off", "of"),
            List.of("back", "to"), List.of("over", "to"), List.of("down", "to"), List.of("out", "from"));

    /** Prepositions that introduce no spatial or object relation between two entities. */
    static final Set<String> NON_RELATIONAL = Set.of("while", "because", "if", "as", "than", "like", "though",
            "although", "whether", "until", "since", "unless", "awhile", "after", "before", "during");

    /** Connectives that order two actions in time. */
    static final Set<String> TEMPORAL = Set.of("then", "after", "before", "afterwards", "afterward");

    /** Verbs that hand their role to a following verb: "begins to drink" is about drinking. */
    static final Set<String> CATENATIVE = Set.of("begin", "start", "try", "attempt", "continue", "proceed", "seem",
            "want", "need", "decide", "keep", "stop", "finish", "manage", "pretend", "appear", "struggle", "hurry",
            "rush", "go", "come", "get", "help", "refuse", "plan", "prepare");

    /** Pronouns that stand for a person; resolved to the last person mentioned. */
    static final Set<String> PERSON_PRONOUNS = Set.of("he", "she", "him", "her", "they", "them", "himself", "herself",
            "themselves", "we", "us", "i", "me", "you");

    /** Pronouns that stand for a thing; resolved to the last non-person entity. */
    static final Set<String> THING_PRONOUNS = Set.of("it", "itself");

    /** Pronouns that are entities in their own right. */
    static final Set<String> INDEFINITE_PRONOUNS = Set.of("someone", "somebody", "something", "everyone",
            "everybody", "everything", "anyone", "anything", "nobody", "nothing", "one", "others", "other", "another",
            "each", "both", "all", "some", "few", "several", "many", "this", "these", "those");

    /** Possessive determiners: never entities themselves. */
    static final Set<String> POSSESSIVE = Set.of("his", "her", "their", "its", "my", "your", "our");
}
