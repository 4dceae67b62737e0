package org.momentgraph.graph.query;

import org.momentgraph.graph.query.DraftGraph.Draft;

/**
 * TEMPORAL edges from "then", "before" and "after": "A then B" and "A before B" put A first,
 * "A after B" puts B first; a sentence-initial "After A, B" waits for the comma and the main
 * clause's verb. A connective links only a verb at most five tokens away, so "after awhile" links
 * nothing.
 */
final class TemporalLinker {

    private final TaggedTokens tt;
    private final DraftGraph dg;
    private String pendingConnective;
    private Draft pendingBefore;
    private int pendingAt;
    private String leadingConnective;
    private Draft leadingPredicate;
    private boolean commaAfterLeading;

    TemporalLinker(TaggedTokens tt, DraftGraph dg) {
        this.tt = tt;
        this.dg = dg;
    }

    /** Whether token i orders actions: "then", or "after"/"before" opening a clause. */
    boolean isConnective(int i) {
        return tt.isTemporalConnective(i) && !(tt.is(i, "before") || tt.is(i, "after")) || isClauseConnective(i);
    }

    /** Notes the connective at i; {@code lastVerb} is the verb predicate before it, if any. */
    void connective(int i, Draft lastVerb) {
        pendingConnective = tt.lower[i];
        pendingBefore = lastVerb;
        pendingAt = i;
    }

    /** Notes a clause boundary at i (a comma ends a leading "After A," clause). */
    void boundary(int i) {
        if (tt.is(i, ",") && leadingPredicate != null) {
            commaAfterLeading = true;
        }
    }

    /** "after"/"before" that open a clause ("after he leaves", "before coming"), unlike "after awhile". */
    private boolean isClauseConnective(int i) {
        if (!(tt.is(i, "before") || tt.is(i, "after")) || !tt.isTemporalConnective(i)) {
            return false;
        }
        for (int j = i + 1; j < Math.min(tt.size(), i + 4); j++) {
            if (tt.isVerb(j)) {
                return true;
            }
            if (tt.tag(j, "PUNCT")) {
                return false;
            }
        }
        return false;
    }

    /** Links a new verb predicate to the action a pending connective named. */
    void predicate(Draft p) {
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
}
