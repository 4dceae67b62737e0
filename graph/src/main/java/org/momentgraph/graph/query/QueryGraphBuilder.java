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
    private final EntityReader er;
    private Draft lastVerb;
    private Draft lastVerbEndedAt;
    private int lastVerbEnd = -1;
    private final TemporalLinker temporal;

    QueryGraphBuilder(TaggedTokens tt) {
        this.tt = tt;
        this.dg = new DraftGraph(tt);
        this.n = tt.size();
        this.temporal = new TemporalLinker(tt, dg);
        this.er = new EntityReader(tt, dg);
    }

    DraftGraph build() {
        int i = 0;
        while (i < n) {
            if (temporal.isConnective(i)) {
                temporal.connective(i, lastVerb);
                i++;
            } else if (tt.isBoundary(i)) {
                temporal.boundary(i);
                i++;
            } else if (tt.isVerb(i)) {
                i = verb(i);
            } else if (tt.isPossessiveMarker(i) && i == er.groupEnd) {
                i++; // handled by nounPhrase
            } else if (tt.multiwordPreposition(i) > 0 && tt.isNpStart(i + tt.multiwordPreposition(i))
                    || tt.isRelationalPreposition(i) && tt.isNpStart(i + 1)) {
                i = preposition(i);
            } else if (tt.isNpStart(i)) {
                EntityReader.Group g = er.group(i, false);
                i = g.end();
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
        er.current = p;
        int k = v + 1;
        k = extend(p, k);
        List<Draft> objects = new ArrayList<>();
        List<Draft> objectGroup = null;
        if (tt.isNpStart(k)) {
            EntityReader.Group g = er.group(k, true);
            objectGroup = g.members();
            objects.addAll(g.members());
            k = g.end();
            boolean recipient = g.members().size() == 1 && (g.members().get(0).properName || er.isPerson(g.members().get(0)));
            if (recipient && er.lastGroup == g.members() && tt.isNpStart(k) && !tt.isEntityPronoun(k)) {
                EntityReader.Group second = er.group(k, true); // "hands Leonard a drink"
                objectGroup = second.members();
                objects.addAll(second.members());
                k = second.end();
            }
        }
        for (Draft o : objects) {
            dg.object(p, o);
        }
        if (!objects.isEmpty() && objectGroup == er.lastGroup) {
            er.lastGroupOwner = p;
        }
        if (!objects.isEmpty() && k < n && EnglishWords.SEPARABLE_PARTICLES.contains(tt.lower[k])
                && tt.isParticle(k) && !tt.isNpStart(k + 1)
                && !(tt.multiwordPreposition(k) > 0 && tt.isNpStart(k + tt.multiwordPreposition(k)))) {
            p.tokens.add(k); // "picks his jacket up", "turn a light on"
            k++;
            if (er.groupEnd == k - 1) {
                er.groupEnd = k; // "his jacket up from a chair": the jacket is still next to "from"
            }
        }
        temporal.predicate(p);
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
            boolean personBefore = p == er.groupEnd && !er.lastGroup.isEmpty() && er.lastGroup.stream().allMatch(er::isPerson);
            if (personBefore) {
                return new ArrayList<>(er.lastGroup);
            }
            if (lastVerb != null) {
                return new ArrayList<>(lastVerb.subjects);
            }
            p--;
        }
        if (p >= 0 && p + 1 == er.groupEnd && !er.lastGroup.isEmpty()) {
            boolean finite = !tt.lower[i].endsWith("ing") && !tt.lower[i].endsWith("ed");
            boolean people = er.lastGroup.stream().allMatch(er::isPerson);
            if (er.lastGroupOwner != null && !(finite && people) && !er.lastGroupOwner.subjects.isEmpty()) {
                // "sitting on the couch playing": the sitter plays; but "saying Leonard never has": Leonard has
                return new ArrayList<>(er.lastGroupOwner.subjects);
            }
            return new ArrayList<>(er.lastGroup);
        }
        if (lastVerb != null && !lastVerb.subjects.isEmpty()) {
            return new ArrayList<>(lastVerb.subjects);
        }
        return new ArrayList<>(er.lastSubjectGroup);
    }

    /** A preposition between entities: a predicate of its own, or part of a verb that has no object yet. */
    private int preposition(int i) {
        int m = Math.max(1, tt.multiwordPreposition(i));
        boolean adjacentEntity = er.groupEnd == i && !er.lastGroup.isEmpty();
        int back = i - 1;
        while (back >= 0 && tt.tag(back, "AUX", "ADV", "ADJ", "PART") && !tt.isTemporalConnective(back)) {
            back--;
        }
        boolean afterCopula = !adjacentEntity && back + 1 == er.groupEnd && back < i - 1 && !er.lastGroup.isEmpty()
                && er.lastGroupOwner == null; // "a person is in a basement", "Sheldon is furious with Leonard"
        if (!adjacentEntity && lastVerbEndedAt != null && lastVerbEnd == i) {
            Draft verb = lastVerbEndedAt;
            for (int t = i; t < i + m; t++) {
                verb.tokens.add(t);
            }
            EntityReader.Group g = er.group(i + m, true);
            g.members().forEach(o -> dg.object(verb, o));
            if (er.lastGroup == g.members()) {
                er.lastGroupOwner = verb;
            }
            lastVerbEndedAt = null;
            return g.end();
        }
        Draft p = dg.newPredicate(i);
        er.current = p;
        for (int t = i + 1; t < i + m; t++) {
            p.tokens.add(t);
        }
        if (tt.is(i, "with") && lastVerb != null) {
            p.subjects.addAll(lastVerb.subjects);
        } else if (adjacentEntity || afterCopula) {
            p.subjects.addAll(er.lastGroup);
        }
        EntityReader.Group g = er.group(i + m, true);
        g.members().forEach(o -> dg.object(p, o));
        if (er.lastGroup == g.members()) {
            er.lastGroupOwner = p;
        }
        return g.end();
    }
}
