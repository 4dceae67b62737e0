package org.momentgraph.eval.synthetic;

/**
 * An interaction between a person and an object (or another person), each with the trace it leaves in
 * box geometry over the frames of its span.
 */
public enum Interaction {
    /** Contact, then person and object move together (the object at hand height). */
    HOLDS("holds", 2.5, 6.0),
    /** Contact while the object rests, then the object rises to the person's hand. */
    PICKS_UP("picks up", 1.5, 3.0),
    /** The object moves with the hand, descends, stops on a surface; then the person departs. */
    PUTS_DOWN("puts down", 2.0, 3.5),
    /** In contact, the object's box widens or grows (door leaf swings out, lid or screen rises). */
    OPENS("opens", 1.5, 3.0),
    /** In contact, the object's box shrinks back to its closed shape. */
    CLOSES("closes", 1.5, 3.0),
    /** Overlapping a seat, the person's box height shrinks and its top drops. */
    SITS_ON("sits on", 1.5, 2.5),
    /** Overlapping a seat, the person's box height grows back to standing. */
    STANDS_UP_FROM("stands up from", 1.5, 2.5),
    /** The person moves towards the target until they touch: the distance shrinks. */
    WALKS_TO("walks to", 1.5, 6.0),
    /** The held object leaves the person fast, flies in an arc and lands on the floor. */
    THROWS("throws", 1.5, 2.5),
    /** The held object moves from one person's hand to another's, the two persons in contact. */
    HANDS_TO("hands to", 1.5, 3.0),
    /** Contact, then person and object move together horizontally with the object on the floor. */
    PUSHES("pushes", 2.0, 4.0),
    /** Contact at floor level, then the object departs fast along the floor while the person stays. */
    KICKS("kicks", 1.0, 2.0),
    /** In contact with the animal, the person's box crouches (height dips) and recovers. */
    PETS("pets", 2.0, 4.0);

    private final String verb;
    private final double minDuration;
    private final double maxDuration;

    Interaction(String verb, double minDuration, double maxDuration) {
        this.verb = verb;
        this.minDuration = minDuration;
        this.maxDuration = maxDuration;
    }

    /** The plain verb phrase, e.g. "picks up". */
    public String verb() {
        return verb;
    }

    public double minDuration() {
        return minDuration;
    }

    public double maxDuration() {
        return maxDuration;
    }

    /** The lower-case name used in files, e.g. "picks_up". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Interaction ofId(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
