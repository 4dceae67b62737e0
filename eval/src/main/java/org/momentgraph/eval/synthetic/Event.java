package org.momentgraph.eval.synthetic;

import org.momentgraph.domain.Span;

/**
 * One interaction that happens in a video.
 *
 * @param index       its position in the video's events, which are ordered by start time
 * @param interaction what happens
 * @param subject     entity index of the person who acts
 * @param object      entity index of the object (or the person or place walked to; the object handed over)
 * @param recipient   entity index of the person who receives the object in {@link Interaction#HANDS_TO}, else -1
 * @param support     entity index of the surface an object is put on or picked from, -1 for the floor or none
 * @param span        when it happens, in seconds
 */
public record Event(int index, Interaction interaction, int subject, int object, int recipient, int support, Span span) {

    /** True if the event involves entity e in any role. */
    public boolean involves(int e) {
        return subject == e || object == e || recipient == e;
    }
}
