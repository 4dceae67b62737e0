package org.momentgraph.graph.query;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.graph.query.DraftGraph.Draft;

/**
 * Reads noun phrases into entities for {@link QueryGraphBuilder}, and remembers what the builder's
 * role heuristics need: the last entity group and where it ended, whose object it is, and every
 * mention in order (for pronouns). Noun phrase = determiners and adjectives up to the last noun;
 * "X's Y" adds X -have-> Y; "A and B" is one group; repeated names and "the" + the same noun
 * reuse the earlier node; he/she/they resolve to the last person, it to the last thing acted on.
 */
final class EntityReader {

    private final TaggedTokens tt;
    private final DraftGraph dg;
    private final int n;
    /** Entity group ending right before {@link #groupEnd}. */
    List<Draft> lastGroup = List.of();
    int groupEnd = -1;
    /** The last entity group read outside object position: the clause subject verbs fall back to. */
    List<Draft> lastSubjectGroup = List.of();
    /** The predicate whose object {@link #lastGroup} is; null when the group is not an object. */
    Draft lastGroupOwner;
    /** The predicate whose arguments are being read (object pronouns never point at its subject). */
    Draft current;
    final List<Draft> mentions = new ArrayList<>();

    EntityReader(TaggedTokens tt, DraftGraph dg) {
        this.tt = tt;
        this.dg = dg;
        this.n = tt.size();
    }

    record Group(List<Draft> members, int end) {
    }

    /** An entity group: noun phrases joined by "and"/","/"or". */
    Group group(int i, boolean objectPosition) {
        List<Draft> members = new ArrayList<>();
        int end = nounPhrase(i, members);
        mentions.addAll(members);
        while (end < n && (tt.tag(end, "CCONJ") || tt.is(end, ",")) && tt.isNpStart(end + 1)) {
            int start = tt.tag(end + 1, "CCONJ") ? end + 2 : end + 1;
            List<Draft> more = new ArrayList<>();
            int next = nounPhrase(start, more);
            if (more.isEmpty()) {
                break;
            }
            mentions.addAll(more);
            if (objectPosition && (tt.isVerb(skipAux(next)) || tt.tag(next, "AUX"))) {
                // "opens the door and Leonard enters": the second phrase is the next clause's subject
                lastGroup = more;
                groupEnd = next;
                lastGroupOwner = null;
                lastSubjectGroup = more;
                return new Group(members, next);
            }
            members.addAll(more);
            end = next;
        }
        lastGroup = members;
        groupEnd = end;
        lastGroupOwner = null;
        if (!objectPosition) {
            lastSubjectGroup = members;
        }
        return new Group(members, end);
    }

    /** One noun phrase; adds its entity (and a possessor with its "have" predicate) and returns the end. */
    private int nounPhrase(int i, List<Draft> out) {
        if (tt.isEntityPronoun(i)) {
            out.add(pronoun(i));
            return i + 1;
        }
        int j = i;
        int head = -1;
        List<Integer> content = new ArrayList<>();
        boolean definite = false;
        while (j < n) {
            if (tt.tag(j, "DET") || tt.isPossessiveDeterminer(j)) {
                if (head >= 0) {
                    break;
                }
                definite |= tt.is(j, "the");
            } else if (tt.tag(j, "ADJ", "NUM")) {
                if (head >= 0) {
                    break;
                }
                if (!EnglishWords.QUANTIFIERS.contains(tt.lower[j])) {
                    content.add(j);
                }
            } else if (tt.isNoun(j)) {
                if (head >= 0 && tt.tag(head, "PROPN") != tt.tag(j, "PROPN") && tt.tag(j, "PROPN")) {
                    break; // "gives Penny Sheldon's ..." style run-ons: a new name starts a new phrase
                }
                content.add(j);
                head = j;
            } else if (tt.is(j, "-") && head >= 0 && tt.isNoun(j + 1)) {
                // "light-switch": keep going
            } else if (tt.isPossessiveMarker(j) && head >= 0) {
                Draft owner = entity(content, head, definite);
                List<Draft> owned = new ArrayList<>();
                int end = nounPhrase(j + 1, owned);
                if (!owned.isEmpty()) {
                    Draft have = dg.newPredicate(j);
                    have.fixedLemma = "have";
                    have.subjects.add(owner);
                    dg.object(have, owned.get(0));
                    mentions.add(owner);
                    out.add(owned.get(0));
                    return end;
                }
                out.add(owner);
                return j + 1;
            } else {
                break;
            }
            j++;
        }
        if (head < 0) {
            return Math.max(j, i + 1);
        }
        int last = head;
        content.removeIf(t -> t > last);
        out.add(entity(content, head, definite));
        return j;
    }

    private Draft entity(List<Integer> content, int head, boolean definite) {
        String lemma = String.join(" ", content.stream().map(t -> tt.lower[t]).toList());
        // "the TV/PROPN": a known object class is a common noun whatever the tagger says
        boolean proper = tt.tag(head, "PROPN") && !ObjectClasses.isKnown(tt.lower[head]);
        boolean person = !proper && ObjectClasses.isPerson(Lemmas.noun(tt.lower[head]));
        if (proper || person || definite) {
            for (Draft earlier : mentions) {
                if (earlier.kind == QueryNode.Kind.ENTITY && earlier.properName == proper
                        && dg.lemma(earlier).equals(proper ? lemma : lemmaOf(content, head))) {
                    return earlier;
                }
            }
        }
        Draft d = dg.newEntity(head);
        d.tokens.addAll(content);
        d.properName = proper;
        return d;
    }

    private String lemmaOf(List<Integer> content, int head) {
        return String.join(" ", content.stream()
                .map(t -> t == head && tt.tag(t, "NOUN") ? Lemmas.noun(tt.lower[t]) : tt.lower[t]).toList());
    }

    private Draft pronoun(int i) {
        String w = tt.lower[i];
        boolean personal = EnglishWords.PERSON_PRONOUNS.contains(w);
        boolean thing = EnglishWords.THING_PRONOUNS.contains(w);
        if (personal || thing) {
            boolean objectPronoun = List.of("him", "her", "them", "himself", "herself", "themselves").contains(w);
            List<Draft> avoid = objectPronoun && current != null ? new ArrayList<>(current.subjects) : List.of();
            if (w.endsWith("self") || w.endsWith("selves")) {
                avoid = List.of(); // reflexives point at the subject
            }
            if (thing) { // "picks his jacket up from a chair and throws it": the thing acted on
                for (int k = mentions.size() - 1; k >= 0; k--) {
                    Draft m = mentions.get(k);
                    if (!isPerson(m) && m.objectOf.stream().anyMatch(Draft::isVerbPredicate)) {
                        return m;
                    }
                }
            }
            for (int k = mentions.size() - 1; k >= 0; k--) {
                Draft m = mentions.get(k);
                if (personal == isPerson(m) && !avoid.contains(m)) {
                    return m;
                }
            }
        }
        Draft d = dg.newEntity(i);
        return d;
    }

    boolean isPerson(Draft d) {
        return d.properName || ObjectClasses.isPerson(dg.lemma(d)) || isPersonPronoun(d);
    }

    private boolean isPersonPronoun(Draft d) {
        return tt.tag(d.head, "PRON") && EnglishWords.PERSON_PRONOUNS.contains(tt.lower[d.head]);
    }

    private int skipAux(int i) {
        while (i < n && (tt.tag(i, "AUX", "ADV") && !tt.isTemporalConnective(i) || tt.is(i, "not") || tt.is(i, "n't"))) {
            i++;
        }
        return i;
    }
}
