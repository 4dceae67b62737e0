package org.momentgraph.graph.relation;

import java.util.Locale;

/**
 * The relation vocabulary of video graphs: spatial relations from box geometry at one time, motion
 * relations from how boxes move over time, and the temporal link between one track's nodes in
 * consecutive clips. A symmetric relation is stored once per pair (source = the lower track id).
 */
public enum RelationType {
    /** Boxes overlap or nearly touch: holding, sitting on, hugging. Symmetric. */
    CONTACT(Kind.SPATIAL, true),
    /** Centres are close relative to the boxes' size. Symmetric. */
    NEAR(Kind.SPATIAL, true),
    /** The source box lies (almost) entirely within the larger target box. */
    INSIDE(Kind.SPATIAL, false),
    /** The source is left of the target (image coordinates). */
    LEFT_OF(Kind.SPATIAL, false),
    RIGHT_OF(Kind.SPATIAL, false),
    /** The source is above the target (smaller y). */
    ABOVE(Kind.SPATIAL, false),
    BELOW(Kind.SPATIAL, false),
    /** The source moves toward the target. */
    APPROACHING(Kind.MOTION, false),
    /** Both move at a similar velocity while their distance holds. Symmetric. */
    MOVING_TOGETHER(Kind.MOTION, true),
    /** Their distance grows. Symmetric. */
    MOVING_APART(Kind.MOTION, true),
    /** The same track in the next clip (source clip i, target clip i + 1). */
    SAME_TRACK(Kind.TEMPORAL, false);

    /** Where a relation's evidence comes from. */
    public enum Kind { SPATIAL, MOTION, TEMPORAL }

    private final Kind kind;
    private final boolean symmetric;

    RelationType(Kind kind, boolean symmetric) {
        this.kind = kind;
        this.symmetric = symmetric;
    }

    public Kind kind() {
        return kind;
    }

    public boolean symmetric() {
        return symmetric;
    }

    /** The name used in exports and queries: "left_of", "same_track". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type whose {@link #key()} (or enum name, any case, '-' or '_') is {@code text}. */
    public static RelationType parse(String text) {
        String norm = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return valueOf(norm);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown relation '" + text + "'; known: "
                    + java.util.Arrays.stream(values()).map(RelationType::key).toList(), e);
        }
    }
}
