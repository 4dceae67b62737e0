package org.momentgraph.eval.synthetic;

/** What a synthetic query tests; stored in the query's "difficulty" attribute. */
public enum Difficulty {
    /** The objects the query names take part in no other event of the video: object presence suffices. */
    PRESENCE_ONLY("presence-only"),
    /** The same objects take part in another event of the video with a different interaction. */
    INTERACTION_DISTRACTOR("interaction-distractor"),
    /** Another person does the same thing with the same objects: only who acts tells them apart. */
    ACTOR_DISTRACTOR("actor-distractor"),
    /** The query's action happens more than once; only the "after"/"before" clause singles one out. */
    TEMPORAL_ORDER("temporal-order"),
    /** "X, then Y": the span covers two consecutive events in that order. */
    SEQUENCE("sequence");

    private final String tag;

    Difficulty(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public static Difficulty ofTag(String tag) {
        for (Difficulty d : values()) {
            if (d.tag.equals(tag)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown difficulty " + tag);
    }
}
