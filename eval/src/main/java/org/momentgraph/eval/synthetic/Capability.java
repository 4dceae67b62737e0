package org.momentgraph.eval.synthetic;

/** What an object category affords: which interactions it can take part in. */
public enum Capability {
    /** Can be picked up, held, put down and handed over. */
    PORTABLE,
    /** Can be thrown (a portable object light enough to fly). */
    THROWABLE,
    /** Rests on the floor and can be kicked. */
    KICKABLE,
    /** Has an open and a closed state that changes the box's aspect. */
    OPENABLE,
    /** A person can sit on it. */
    SEATABLE,
    /** Can be pushed along the floor. */
    PUSHABLE,
    /** Small objects rest on its top surface. */
    SURFACE,
    /** A big fixed thing a person can walk to. */
    LANDMARK,
    /** Hangs on the wall instead of standing on the floor. */
    WALL_MOUNTED,
    /** Moves by itself and can be petted. */
    ANIMAL
}
