package org.momentgraph.eval.synthetic;

/**
 * One thing in one video: a named actor (category "person") or an object, with its true box over time.
 *
 * @param index    its position in the video's entity list (events refer to entities by it)
 * @param category what it is; the detector reports {@code category.label()}
 * @param actor    the actor for persons, null for objects
 * @param track    its true box over time
 */
public record Entity(int index, Category category, World.Actor actor, Track track) {

    public boolean isPerson() {
        return actor != null;
    }

    /** The actor's name, or the category's plain noun. */
    public String name() {
        return actor != null ? actor.name() : category.nouns().get(0);
    }
}
