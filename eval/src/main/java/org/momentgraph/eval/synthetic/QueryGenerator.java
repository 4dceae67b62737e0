package org.momentgraph.eval.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;

/**
 * Writes the queries of a video: one per event whose description can be made unique in the video, using
 * named or generic subjects, synonyms and paraphrases; "after"/"before" clauses when only the order of
 * events tells two alike events apart; and sometimes an "X, then Y" query over two consecutive events.
 * Each query's "difficulty" attribute says what it tests (see {@link Difficulty}).
 */
final class QueryGenerator {

    /** Who a query's subject can match: one named person, any person of a gender, or anyone. */
    private record Subject(int person, Boolean female) {
        boolean matches(SceneState s, int p) {
            return person >= 0 ? person == p : female == null || s.entity(p).actor().female() == female;
        }
    }

    private final SceneState s;
    private final List<Event> events;
    private final List<SubtitleLine> subtitles;
    private final Set<Integer> unannotatedWalkTargets;
    private final SplittableRandom rng;

    QueryGenerator(SceneState s, List<Event> events, Set<Integer> unannotatedWalkTargets, List<SubtitleLine> subtitles,
            SplittableRandom rng) {
        this.s = s;
        this.events = events;
        this.unannotatedWalkTargets = unannotatedWalkTargets;
        this.subtitles = subtitles;
        this.rng = rng;
    }

    List<Query> generate(String videoId, int videoIndex, double duration, double sequenceRate) {
        List<Query> out = new ArrayList<>();
        for (Event e : events) {
            if (!describable(e)) {
                continue;
            }
            Subject subject = chooseSubject(e);
            List<Event> alike = matching(e, subject);
            if (alike.size() > 1 && subject.person() < 0) {
                subject = new Subject(e.subject(), null);
                alike = matching(e, subject);
            }
            String text;
            Map<String, String> attrs = new LinkedHashMap<>();
            if (alike.size() == 1) {
                text = Phrasebook.capitalized(subjectText(e, subject, false) + " " + present(e)) + ".";
                attrs.put("difficulty", objectDifficulty(e).tag());
            } else {
                text = temporal(e, subject, alike, attrs);
                if (text == null) {
                    continue;
                }
                attrs.put("difficulty", Difficulty.TEMPORAL_ORDER.tag());
            }
            describe(attrs, e);
            out.add(query(videoId, videoIndex * 100 + out.size(), text, duration, e.span(), subject.person() >= 0, attrs));
        }
        if (events.size() >= 2 && rng.nextDouble() < sequenceRate) {
            Event a = events.get(rng.nextInt(events.size() - 1));
            Event b = events.get(a.index() + 1);
            Subject sa = new Subject(a.subject(), null);
            Subject sb = new Subject(b.subject(), null);
            if (describable(a) && describable(b) && matching(a, sa).size() == 1 && matching(b, sb).size() == 1) {
                String first = subjectText(a, sa, false) + " " + present(a);
                String second = a.subject() == b.subject() ? present(b) : subjectText(b, sb, false) + " " + present(b);
                String joint = rng.nextBoolean() ? ", then " : " and then ";
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("difficulty", Difficulty.SEQUENCE.tag());
                describe(attrs, a);
                attrs.put("next_interaction", b.interaction().id());
                out.add(query(videoId, videoIndex * 100 + out.size(), Phrasebook.capitalized(first + joint + second) + ".",
                        duration, new Span(a.span().start(), b.span().end()), true, attrs));
            }
        }
        return out;
    }

    /** "X after Y" or "X before Y" that singles out e among the alike events, or null if none does. */
    private String temporal(Event e, Subject subject, List<Event> alike, Map<String, String> attrs) {
        boolean preferAfter = rng.nextDouble() < 0.65;
        for (int attempt = 0; attempt < 2; attempt++) {
            boolean after = preferAfter == (attempt == 0);
            int ai = e.index() + (after ? -1 : 1);
            if (ai < 0 || ai >= events.size()) {
                continue;
            }
            Event anchor = events.get(ai);
            if (!describable(anchor) || anchor.interaction() == e.interaction() && anchor.object() == e.object()
                    || matching(anchor, new Subject(anchor.subject(), null)).size() != 1) {
                continue;
            }
            Event selected = null;
            for (Event x : alike) {
                if (after && x.span().start() >= anchor.span().end() - 1e-6 && selected == null) {
                    selected = x;
                }
                if (!after && x.span().end() <= anchor.span().start() + 1e-6) {
                    selected = x;
                }
            }
            if (selected != e) {
                continue;
            }
            String clause = anchor.subject() == e.subject()
                    ? gerund(anchor)
                    : s.entity(anchor.subject()).name() + " " + present(anchor);
            String word = after ? (rng.nextDouble() < 0.3 ? "right after" : "after") : "before";
            String main = subjectText(e, subject, false) + " " + present(e);
            attrs.put("clause", after ? "after" : "before");
            attrs.put("anchor_interaction", anchor.interaction().id());
            if (rng.nextDouble() < 0.3) {
                return Phrasebook.capitalized(word + " " + clause + ", " + subjectText(e, subject, true) + " " + present(e)) + ".";
            }
            return Phrasebook.capitalized(main + " " + word + " " + clause) + ".";
        }
        return null;
    }

    /** False for walks to a place someone also walks to unannotated: the sentence would fit both. */
    private boolean describable(Event e) {
        return e.interaction() != Interaction.WALKS_TO || !unannotatedWalkTargets.contains(e.object());
    }

    private Subject chooseSubject(Event e) {
        double r = rng.nextDouble();
        if (r < 0.5) {
            return new Subject(e.subject(), null);
        }
        return r < 0.85 ? new Subject(-1, s.entity(e.subject()).actor().female()) : new Subject(-1, null);
    }

    /** The events of the video that a description with this subject would also fit. */
    private List<Event> matching(Event e, Subject subject) {
        List<Event> out = new ArrayList<>();
        for (Event x : events) {
            if (x.interaction() == e.interaction() && x.object() == e.object() && x.recipient() == e.recipient()
                    && subject.matches(s, x.subject())) {
                out.add(x);
            }
        }
        return out;
    }

    private Difficulty objectDifficulty(Event e) {
        boolean otherInteraction = false;
        boolean otherActor = false;
        for (Event x : events) {
            if (x == e || !(sharesObject(x, e.object()) || e.recipient() >= 0 && sharesObject(x, e.recipient()))) {
                continue;
            }
            otherInteraction |= x.interaction() != e.interaction();
            otherActor |= x.interaction() == e.interaction();
        }
        return otherInteraction ? Difficulty.INTERACTION_DISTRACTOR
                : otherActor ? Difficulty.ACTOR_DISTRACTOR : Difficulty.PRESENCE_ONLY;
    }

    private static boolean sharesObject(Event x, int entity) {
        return x.object() == entity || x.recipient() == entity;
    }

    private String subjectText(Event e, Subject subject, boolean definite) {
        if (subject.person() >= 0) {
            return s.entity(subject.person()).name();
        }
        return subject.female() == null ? Phrasebook.anyone(rng) : Phrasebook.someone(subject.female(), definite, rng);
    }

    private String present(Event e) {
        return Phrasebook.present(e.interaction(), objectText(e), recipientText(e), surfaceText(e), rng);
    }

    private String gerund(Event e) {
        return Phrasebook.gerund(e.interaction(), objectText(e), recipientText(e), surfaceText(e), rng);
    }

    private String objectText(Event e) {
        Entity o = s.entity(e.object());
        return o.isPerson() ? o.name() : Phrasebook.thing(o.category(), rng);
    }

    private String recipientText(Event e) {
        return e.recipient() >= 0 ? s.entity(e.recipient()).name() : null;
    }

    private String surfaceText(Event e) {
        if (e.interaction() != Interaction.PICKS_UP && e.interaction() != Interaction.PUTS_DOWN) {
            return null;
        }
        return e.support() >= 0 ? "the " + s.category(e.support()).nouns().get(0) : "the floor";
    }

    private void describe(Map<String, String> attrs, Event e) {
        attrs.put("interaction", e.interaction().id());
        attrs.put("subject", s.entity(e.subject()).name());
        attrs.put("object", s.entity(e.object()).isPerson() ? s.entity(e.object()).name() : s.category(e.object()).label());
        attrs.put("event", Integer.toString(e.index()));
    }

    private Query query(String videoId, int id, String text, double duration, Span span, boolean named, Map<String, String> attrs) {
        String type = "v";
        if (named && !subtitles.isEmpty()) {
            for (SubtitleLine line : subtitles) {
                boolean overlaps = line.end() > span.start() && line.start() < span.end();
                if (overlaps && mentionsNameOf(line, text)) {
                    type = "vt";
                }
            }
        }
        return new Query(Integer.toString(id), text, videoId, duration, List.of(span), type, attrs);
    }

    /** True if the line names (as speaker or addressee) a person the query names. */
    private boolean mentionsNameOf(SubtitleLine line, String text) {
        for (Entity e : s.entities) {
            if (e.isPerson() && line.text().contains(e.name()) && text.contains(e.name())) {
                return true;
            }
        }
        return false;
    }
}
