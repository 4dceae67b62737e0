package org.momentgraph.eval.synthetic;

import static org.momentgraph.eval.synthetic.Capability.ANIMAL;
import static org.momentgraph.eval.synthetic.Capability.KICKABLE;
import static org.momentgraph.eval.synthetic.Capability.LANDMARK;
import static org.momentgraph.eval.synthetic.Capability.OPENABLE;
import static org.momentgraph.eval.synthetic.Capability.PUSHABLE;
import static org.momentgraph.eval.synthetic.Capability.SEATABLE;
import static org.momentgraph.eval.synthetic.Capability.THROWABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Span;

/**
 * Plans a video's events one after another: at each step it lists every interaction the scene state
 * allows, prefers ones that reuse an object already used with another interaction (so that videos hold
 * interaction distractors), walks the person there first when needed, and writes the motion.
 */
final class EventPlanner {

    /** A candidate interaction. */
    record Action(Interaction interaction, int subject, int object, int recipient) {
    }

    /**
     * The planned events, the video duration they fit in, and the targets of walks that happen without
     * being annotated (a query "walks to X" would be ambiguous for those X).
     */
    record Plan(List<Event> events, double duration, Set<Integer> unannotatedWalkTargets) {
    }

    /** Share of the walks that prepare an action and are annotated as {@link Interaction#WALKS_TO} events. */
    static final double ANNOTATED_WALK_RATE = 0.4;

    private static final double REACH = 25;
    /**
     * Seconds an event lasts after its motion ends: the end state (seated, holding, touching) stays in
     * view for at least one frame at 3 fps before the annotated span closes.
     */
    static final double SETTLE = 0.4;

    private final SceneState s;
    private final SplittableRandom rng;
    private final Motions motions;
    private final double distractorBias;
    private final List<Event> events = new ArrayList<>();
    private final Set<Integer> hiddenWalks = new TreeSet<>();

    EventPlanner(SceneState s, SplittableRandom rng, double distractorBias) {
        this.s = s;
        this.rng = rng;
        this.motions = new Motions(s, rng);
        this.distractorBias = distractorBias;
    }

    Plan plan(double duration, int targetEvents) {
        double avgGap = Math.max(0.6, (duration - targetEvents * 3.2) / (targetEvents + 1));
        double clock = Motions.round(0.3 + rng.nextDouble() * avgGap);
        while (events.size() < targetEvents && (clock < duration - 4 || events.size() < 3)) {
            Action a = choose();
            int walkTarget = walkTargetFor(a);
            // a step of less than 100 px, or along something already touched, is not "walking to" it
            boolean step = walkTarget >= 0 && (s.box(a.subject()).intersectionArea(s.box(walkTarget)) > 0
                    || Math.abs(destination(a) - s.box(a.subject()).centerX()) < 100);
            if (walkTarget >= 0 && (step || rng.nextDouble() >= ANNOTATED_WALK_RATE)) {
                clock = motions.walkTo(a.subject(), destination(a), clock) + Motions.round(0.1 + rng.nextDouble() * 0.6);
                hiddenWalks.add(walkTarget);
            } else if (walkTarget >= 0) {
                clock = emit(new Action(Interaction.WALKS_TO, a.subject(), walkTarget, -1), clock, destination(a));
                clock += Motions.round(0.1 + rng.nextDouble() * 0.6);
                if (events.size() >= targetEvents || (clock > duration - 3 && events.size() >= 3)) {
                    break;
                }
            }
            clock = emit(a, clock, Double.NaN);
            clock += Motions.round(0.3 + avgGap * (0.3 + rng.nextDouble() * 1.4));
        }
        double end = events.get(events.size() - 1).span().end();
        double finalDuration = Motions.round(Math.max(Math.max(duration, 20), end + 0.5 + rng.nextDouble() * 2));
        AnimalWandering.addExcursions(s, events, finalDuration, rng);
        return new Plan(List.copyOf(events), finalDuration, Set.copyOf(hiddenWalks));
    }

    private double emit(Action a, double t0, double walkTo) {
        int support = a.interaction() == Interaction.PICKS_UP ? s.restsOn[a.object()] : -1;
        double t1 = Double.isNaN(walkTo) ? motions.perform(a, t0) : motions.walkTo(a.subject(), walkTo, t0);
        if (a.interaction() == Interaction.PUTS_DOWN) {
            support = s.restsOn[a.object()];
        }
        double end = Motions.round(t1 + SETTLE);
        events.add(new Event(events.size(), a.interaction(), a.subject(), a.object(), a.recipient(), support,
                new Span(Motions.round(t0), end)));
        return end;
    }

    private Action choose() {
        List<Action> candidates = candidates();
        double[] weights = new double[candidates.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight(candidates.get(i));
            total += weights[i];
        }
        double r = rng.nextDouble() * total;
        int pick = 0;
        while (pick < weights.length - 1 && (r -= weights[pick]) > 0) {
            pick++;
        }
        return candidates.get(pick);
    }

    private double weight(Action a) {
        double w = a.interaction() == Interaction.WALKS_TO ? 0.25 : 1.0;
        boolean otherUse = false;
        boolean sameUse = false;
        for (Event e : events) {
            if (e.object() == a.object() && !s.entity(a.object()).isPerson()) {
                otherUse |= e.interaction() != a.interaction();
                sameUse |= e.interaction() == a.interaction();
            }
        }
        if (otherUse) {
            w *= 1 + 3 * distractorBias;
        }
        if (sameUse) {
            w *= 0.5;
        }
        if (walkTargetFor(a) >= 0) {
            w *= 0.4;
        }
        return w;
    }

    List<Action> candidates() {
        List<Action> out = new ArrayList<>();
        for (Entity pe : s.entities) {
            if (!pe.isPerson()) {
                continue;
            }
            int p = pe.index();
            int held = s.holding[p];
            if (!s.isStanding(p)) {
                out.add(new Action(Interaction.STANDS_UP_FROM, p, s.seatedOn[p], -1));
                if (held >= 0 && s.category(held).can(THROWABLE)) {
                    out.add(new Action(Interaction.THROWS, p, held, -1));
                }
                continue;
            }
            if (held >= 0) {
                out.add(new Action(Interaction.HOLDS, p, held, -1));
                out.add(new Action(Interaction.PUTS_DOWN, p, held, -1));
                if (s.category(held).can(THROWABLE)) {
                    out.add(new Action(Interaction.THROWS, p, held, -1));
                }
            }
            for (Entity oe : s.entities) {
                int o = oe.index();
                if (o == p) {
                    continue;
                }
                Category c = oe.category();
                if (oe.isPerson()) {
                    if (held >= 0 && s.holding[o] < 0) {
                        out.add(new Action(Interaction.HANDS_TO, p, held, o));
                    }
                    addWalk(out, p, o);
                    continue;
                }
                if (s.heldBy[o] >= 0) {
                    continue;
                }
                if (held < 0 && s.resting(o)) {
                    out.add(new Action(Interaction.PICKS_UP, p, o, -1));
                }
                if (c.can(OPENABLE) && s.occupancy(o) == 0) {
                    out.add(new Action(s.isOpen(o) ? Interaction.CLOSES : Interaction.OPENS, p, o, -1));
                }
                if (c.can(SEATABLE) && s.occupancy(o) < s.capacity(o)) {
                    out.add(new Action(Interaction.SITS_ON, p, o, -1));
                }
                if (c.can(PUSHABLE) && s.onFloor(o) && roomAhead(p, o) >= 150) {
                    out.add(new Action(Interaction.PUSHES, p, o, -1));
                }
                if (c.can(KICKABLE) && s.onFloor(o) && roomAhead(p, o) >= 100) {
                    out.add(new Action(Interaction.KICKS, p, o, -1));
                }
                if (c.can(ANIMAL) && held < 0) {
                    out.add(new Action(Interaction.PETS, p, o, -1));
                }
                if (c.can(LANDMARK) || c.can(ANIMAL) || s.onFloor(o)) {
                    addWalk(out, p, o);
                }
            }
        }
        return out;
    }

    /** Free floor beyond the object in the direction a person coming from their side would push it. */
    private double roomAhead(int p, int o) {
        Box b = s.box(o);
        double from = Geometry.spotBeside(b, s.box(p).centerX());
        return Geometry.roomBeyond(b, from <= b.centerX() ? 1 : -1);
    }

    private void addWalk(List<Action> out, int p, int target) {
        if (Math.abs(motions.destinationFor(p, target) - s.box(p).centerX()) > 120
                && s.box(p).intersectionArea(s.box(target)) == 0) {
            out.add(new Action(Interaction.WALKS_TO, p, target, -1));
        }
    }

    /** Where the subject must stand for the action, NaN if anywhere will do. */
    private double destination(Action a) {
        return switch (a.interaction()) {
            case PICKS_UP, OPENS, CLOSES, SITS_ON, PUSHES, KICKS, PETS ->
                    Geometry.spotBeside(s.box(a.object()), s.box(a.subject()).centerX());
            case HANDS_TO -> motions.destinationFor(a.subject(), a.recipient());
            default -> Double.NaN;
        };
    }

    /** The entity a preparatory walk goes to (the table a cup stands on, the person to hand to), or -1. */
    private int walkTargetFor(Action a) {
        double spot = destination(a);
        double tolerance = a.interaction() == Interaction.HANDS_TO ? 8 : REACH;
        if (Double.isNaN(spot) || Math.abs(spot - s.box(a.subject()).centerX()) <= tolerance) {
            return -1;
        }
        int target = a.interaction() == Interaction.HANDS_TO ? a.recipient() : a.object();
        if (a.interaction() != Interaction.HANDS_TO && s.box(a.subject()).intersectionArea(s.box(target)) > 0
                && (!s.category(target).isSmall() || Math.abs(spot - s.box(a.subject()).centerX()) <= 2 * REACH)) {
            return -1; // already touching: act from here
        }
        if (a.interaction() == Interaction.HANDS_TO) {
            return a.recipient();
        }
        int support = s.restsOn[a.object()];
        return support >= 0 ? support : a.object();
    }
}
