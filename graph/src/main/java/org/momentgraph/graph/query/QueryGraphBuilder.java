package org.momentgraph.graph.query;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.graph.query.DraftGraph.Draft;

/**
 * Turns a POS-tagged query into a {@link DraftGraph} in one left-to-right pass. Heuristics, in the
 * order the pass meets them:
 * <ul>
 * <li>noun phrases become entities (head = last noun; "X's Y" adds the predicate X -have-> Y);
 *     "A and B" makes a group that shares its role; pronouns resolve to the last person
 *     (he/she/they) or thing (it) mentioned; repeated names and "the" + same noun reuse a node;</li>
 * <li>a verb becomes a predicate together with the particles and prepositions right after it
 *     ("sits down in", "walks over to", "in front of"); catenatives hand over to the next verb
 *     ("begins to drink" -> drink); a particle after the object joins too ("picks his jacket up");</li>
 * <li>subject = the entity group right before the verb; if that group is some predicate's object
 *     ("sitting on the couch playing"), that predicate's subject; after a clause boundary, or
 *     before "to"-infinitives, the previous verb's subject (coordinated verbs share a subject);</li>
 * <li>object = the entity group right after the predicate (two groups for "hands Leonard a drink");</li>
 * <li>a preposition between two entities is a predicate of its own ("cup on table"); "with" relates
 *     the clause's subject;</li>
 * <li>"then", "before", "after" add a TEMPORAL edge from the earlier action to the later one.</li>
 * </ul>
 */
final class QueryGraphBuilder {

    private final TaggedTokens tt;
    private final DraftGraph dg;
    private final int n;
    /** Entity group ending right before {@link #groupEnd}. */
    private List<Draft> lastGroup = List.of();
    private int groupEnd = -1;
    /** The last entity group read outside object position: the clause subject verbs fall back to. */
    private List<Draft> lastSubjectGroup = List.of();
    /** The predicate whose object {@link #lastGroup} is; null when the group is not an object. */
    private Draft lastGroupOwner;
    /** The predicate whose arguments are being read (object pronouns never point at its subject). */
    private Draft current;
    private final List<Draft> mentions = new ArrayList<>();
    private Draft lastVerb;
    private Draft lastVerbEndedAt;
    private int lastVerbEnd = -1;
    private String pendingConnective;
    private Draft pendingBefore;
    private int pendingAt;
    private String leadingConnective;
    private Draft leadingPredicate;
    private boolean commaAfterLeading;

    QueryGraphBuilder(TaggedTokens tt) {
        this.tt = tt;
        this.dg = new DraftGraph(tt);
        this.n = tt.size();
    }

    DraftGraph build() {
        int i = 0;
        while (i < n) {
            if (tt.isTemporalConnective(i) && !(tt.is(i, "before") || tt.is(i, "after")) || isClauseConnective(i)) {
                pendingConnective = tt.lower[i];
                pendingBefore = lastVerb;
                pendingAt = i;
                i++;
            } else if (tt.isBoundary(i)) {
                if (tt.is(i, ",") && leadingPredicate != null) {
                    commaAfterLeading = true;
                }
                i++;
            } else if (tt.isVerb(i)) {
                i = verb(i);
            } else if (tt.isPossessiveMarker(i) && i == groupEnd) {
                i++; // handled by nounPhrase
            } else if (tt.multiwordPreposition(i) > 0 && tt.isNpStart(i + tt.multiwordPreposition(i))
                    || tt.isRelationalPreposition(i) && tt.isNpStart(i + 1)) {
                i = preposition(i);
            } else if (tt.isNpStart(i)) {
                Group g = group(i, false);
                i = g.end;
            } else if (tt.isParticle(i) && lastVerbEndedAt != null && i == lastVerbEnd && !tt.isNpStart(i + 1)) {
                lastVerbEndedAt.tokens.add(i);
                lastVerbEnd = i + 1;
                i++;
            } else {
                i++;
            }
        }
        return dg;
    }

    /** "after"/"before" that open a clause ("after he leaves", "before coming"), unlike "after awhile". */
    private boolean isClauseConnective(int i) {
        if (!(tt.is(i, "before") || tt.is(i, "after")) || !tt.isTemporalConnective(i)) {
            return false;
        }
        for (int j = i + 1; j < Math.min(n, i + 4); j++) {
            if (tt.isVerb(j)) {
                return true;
            }
            if (tt.tag(j, "PUNCT")) {
                return false;
            }
        }
        return false;
    }

    private record Group(List<Draft> members, int end) {
    }

    /** An entity group: noun phrases joined by "and"/","/"or". */
    private Group group(int i, boolean objectPosition) {
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

    private boolean isPerson(Draft d) {
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

    /** A verb predicate with its particles, prepositions, subject and objects; returns where the pass goes on. */
    private int verb(int i) {
        int v = i;
        // catenatives hand over to the verb they introduce: "begins to drink", "starts laughing"
        while (EnglishWords.CATENATIVE.contains(Lemmas.verb(tt.lower[v]))) {
            if (tt.is(v + 1, "to") && tt.isVerb(v + 2)) {
                v += 2;
            } else if (tt.isVerb(v + 1) && (tt.lower[v + 1].endsWith("ing") || tt.lower[v + 1].endsWith("ed"))) {
                v += 1;
            } else {
                break;
            }
        }
        Draft p = dg.newPredicate(v);
        p.verb = true;
        p.subjects.addAll(subjectsBefore(i));
        current = p;
        int k = v + 1;
        k = extend(p, k);
        List<Draft> objects = new ArrayList<>();
        List<Draft> objectGroup = null;
        if (tt.isNpStart(k)) {
            Group g = group(k, true);
            objectGroup = g.members;
            objects.addAll(g.members);
            k = g.end;
            boolean recipient = g.members.size() == 1 && (g.members.get(0).properName || isPerson(g.members.get(0)));
            if (recipient && lastGroup == g.members && tt.isNpStart(k) && !tt.isEntityPronoun(k)) {
                Group second = group(k, true); // "hands Leonard a drink"
                objectGroup = second.members;
                objects.addAll(second.members);
                k = second.end;
            }
        }
        for (Draft o : objects) {
            dg.object(p, o);
        }
        if (!objects.isEmpty() && objectGroup == lastGroup) {
            lastGroupOwner = p;
        }
        if (!objects.isEmpty() && k < n && EnglishWords.SEPARABLE_PARTICLES.contains(tt.lower[k])
                && tt.isParticle(k) && !tt.isNpStart(k + 1)
                && !(tt.multiwordPreposition(k) > 0 && tt.isNpStart(k + tt.multiwordPreposition(k)))) {
            p.tokens.add(k); // "picks his jacket up", "turn a light on"
            k++;
            if (groupEnd == k - 1) {
                groupEnd = k; // "his jacket up from a chair": the jacket is still next to "from"
            }
        }
        order(p);
        lastVerb = p;
        lastVerbEndedAt = objects.isEmpty() ? p : null;
        lastVerbEnd = k;
        return k;
    }

    /** Adds particles and prepositions that follow a verb ("sits down in", "walks over to"); returns the next index. */
    private int extend(Draft p, int k) {
        int added = 0;
        while (k < n && added < 4) {
            int adv = tt.tag(k, "ADV") && !tt.isTemporalConnective(k) && (tt.isParticle(k + 1)
                    || tt.isRelationalPreposition(k + 1)) && !tt.isParticle(k) ? 1 : 0;
            int m = tt.multiwordPreposition(k + adv);
            if (m > 0 && tt.isNpStart(k + adv + m)) {
                for (int t = k + adv; t < k + adv + m; t++) {
                    p.tokens.add(t);
                }
                return k + adv + m;
            }
            int w = k + adv;
            if (tt.is(w, "to") && tt.isVerb(w + 1)) {
                return k; // "bends over to open": the infinitive is a verb of its own
            }
            if (tt.isParticle(w) || tt.isRelationalPreposition(w) && (tt.isNpStart(w + 1) || tt.isParticle(w + 1))) {
                p.tokens.add(w);
                k = w + 1;
                added++;
                if (tt.isNpStart(k) && !tt.isParticle(w)) {
                    return k; // a preposition takes the object: stop extending
                }
            } else {
                return k;
            }
        }
        return k;
    }

    /** Subjects of a verb starting at i, from the words before it. */
    private List<Draft> subjectsBefore(int i) {
        int p = i - 1;
        while (p >= 0 && (tt.tag(p, "AUX", "ADV") && !tt.isTemporalConnective(p) || tt.is(p, "not") || tt.is(p, "n't"))) {
            p--;
        }
        if (tt.is(p, "to")) { // "for Leonard to sign" vs "walks to the door to open it"
            boolean personBefore = p == groupEnd && !lastGroup.isEmpty() && lastGroup.stream().allMatch(this::isPerson);
            if (personBefore) {
                return new ArrayList<>(lastGroup);
            }
            if (lastVerb != null) {
                return new ArrayList<>(lastVerb.subjects);
            }
            p--;
        }
        if (p >= 0 && p + 1 == groupEnd && !lastGroup.isEmpty()) {
            boolean finite = !tt.lower[i].endsWith("ing") && !tt.lower[i].endsWith("ed");
            boolean people = lastGroup.stream().allMatch(this::isPerson);
            if (lastGroupOwner != null && !(finite && people) && !lastGroupOwner.subjects.isEmpty()) {
                // "sitting on the couch playing": the sitter plays; but "saying Leonard never has": Leonard has
                return new ArrayList<>(lastGroupOwner.subjects);
            }
            return new ArrayList<>(lastGroup);
        }
        if (lastVerb != null && !lastVerb.subjects.isEmpty()) {
            return new ArrayList<>(lastVerb.subjects);
        }
        return new ArrayList<>(lastSubjectGroup);
    }

    /** Temporal edges between verb predicates, from "then", "before", "after". */
    private void order(Draft p) {
        if (pendingConnective != null) {
            String c = pendingConnective;
            Draft earlierVerb = pendingBefore;
            pendingConnective = null;
            if (p.head - pendingAt > 5) {
                return;
            }
            if (earlierVerb != null) {
                if (c.equals("after")) {
                    dg.temporal(p, earlierVerb, c);
                } else {
                    dg.temporal(earlierVerb, p, c);
                }
            } else if (!c.equals("then")) {
                leadingConnective = c;
                leadingPredicate = p;
                commaAfterLeading = false;
            }
        } else if (leadingPredicate != null && commaAfterLeading) {
            if (leadingConnective.equals("after")) {
                dg.temporal(leadingPredicate, p, leadingConnective);
            } else {
                dg.temporal(p, leadingPredicate, leadingConnective);
            }
            leadingPredicate = null;
        }
    }

    /** A preposition between entities: a predicate of its own, or part of a verb that has no object yet. */
    private int preposition(int i) {
        int m = Math.max(1, tt.multiwordPreposition(i));
        boolean adjacentEntity = groupEnd == i && !lastGroup.isEmpty();
        int back = i - 1;
        while (back >= 0 && tt.tag(back, "AUX", "ADV", "ADJ", "PART") && !tt.isTemporalConnective(back)) {
            back--;
        }
        boolean afterCopula = !adjacentEntity && back + 1 == groupEnd && back < i - 1 && !lastGroup.isEmpty()
                && lastGroupOwner == null; // "a person is in a basement", "Sheldon is furious with Leonard"
        if (!adjacentEntity && lastVerbEndedAt != null && lastVerbEnd == i) {
            Draft verb = lastVerbEndedAt;
            for (int t = i; t < i + m; t++) {
                verb.tokens.add(t);
            }
            Group g = group(i + m, true);
            g.members.forEach(o -> dg.object(verb, o));
            if (lastGroup == g.members) {
                lastGroupOwner = verb;
            }
            lastVerbEndedAt = null;
            return g.end;
        }
        Draft p = dg.newPredicate(i);
        current = p;
        for (int t = i + 1; t < i + m; t++) {
            p.tokens.add(t);
        }
        if (tt.is(i, "with") && lastVerb != null) {
            p.subjects.addAll(lastVerb.subjects);
        } else if (adjacentEntity || afterCopula) {
            p.subjects.addAll(lastGroup);
        }
        Group g = group(i + m, true);
        g.members.forEach(o -> dg.object(p, o));
        if (lastGroup == g.members) {
            lastGroupOwner = p;
        }
        return g.end;
    }
}
