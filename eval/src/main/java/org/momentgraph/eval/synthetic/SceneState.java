package org.momentgraph.eval.synthetic;

import java.util.Arrays;
import java.util.List;
import org.momentgraph.domain.Box;

/** The planner's view of a video while it plans events: who holds what, who sits where, what is open. */
final class SceneState {

    final World.Scene scene;
    final List<Entity> entities;
    /** object -> person holding it, or -1. */
    final int[] heldBy;
    /** person -> object held, or -1. */
    final int[] holding;
    /** person -> seat sat on, or -1. */
    final int[] seatedOn;
    /** resting object -> surface it rests on, or -1 for the floor. */
    final int[] restsOn;
    /** openable -> its closed box while it is open, null while closed. */
    final Box[] closedShape;
    /** person -> +1 facing right, -1 facing left. */
    final int[] facing;

    SceneState(World.Scene scene, List<Entity> entities) {
        this.scene = scene;
        this.entities = List.copyOf(entities);
        int n = entities.size();
        heldBy = filled(n);
        holding = filled(n);
        seatedOn = filled(n);
        restsOn = filled(n);
        closedShape = new Box[n];
        facing = new int[n];
        Arrays.fill(facing, 1);
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    Entity entity(int i) {
        return entities.get(i);
    }

    Box box(int i) {
        return entities.get(i).track().last();
    }

    Category category(int i) {
        return entities.get(i).category();
    }

    boolean isOpen(int i) {
        return closedShape[i] != null;
    }

    boolean isStanding(int person) {
        return seatedOn[person] < 0;
    }

    int occupancy(int seat) {
        int n = 0;
        for (int s : seatedOn) {
            n += s == seat ? 1 : 0;
        }
        return n;
    }

    int capacity(int seat) {
        return category(seat).label().equals("chair") ? 1 : 2;
    }

    /** True if the thing rests on the floor, free to be pushed or kicked. */
    boolean onFloor(int i) {
        return heldBy[i] < 0 && restsOn[i] < 0 && occupancy(i) == 0 && !isOpen(i);
    }

    /** Something resting (not held, not open) that a free hand could take. */
    boolean resting(int i) {
        return category(i).can(Capability.PORTABLE) && heldBy[i] < 0 && !isOpen(i);
    }
}
