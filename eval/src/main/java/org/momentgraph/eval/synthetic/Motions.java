package org.momentgraph.eval.synthetic;

import static org.momentgraph.eval.synthetic.World.FLOOR_Y;
import static org.momentgraph.eval.synthetic.World.FRAME_WIDTH;

import java.util.SplittableRandom;
import org.momentgraph.domain.Box;

/**
 * Writes the keyframes an interaction leaves on the tracks of the entities it involves, and updates the
 * scene state. Each method starts at t0 and returns the end time of the event.
 */
final class Motions {

    static final double WALK_SPEED = 260;
    /** Centre distance of two persons face to face: their boxes just overlap, their hands do not meet. */
    static final double HAND_OVER_DISTANCE = 100;

    private final SceneState s;
    private final SplittableRandom rng;

    Motions(SceneState s, SplittableRandom rng) {
        this.s = s;
        this.rng = rng;
    }

    double perform(EventPlanner.Action a, double t0) {
        int p = a.subject();
        int o = a.object();
        Interaction in = a.interaction();
        double d = round(in.minDuration() + rng.nextDouble() * (in.maxDuration() - in.minDuration()));
        return switch (in) {
            case WALKS_TO -> walk(p, destinationFor(p, o), t0, in);
            case HOLDS -> walk(p, carryDestination(p), t0, in);
            case PICKS_UP -> pickUp(p, o, t0, d);
            case PUTS_DOWN -> putDown(p, o, t0, d);
            case OPENS, CLOSES -> openOrClose(p, o, t0, d, in == Interaction.OPENS);
            case SITS_ON -> sit(p, o, t0, d);
            case STANDS_UP_FROM -> standUp(p, t0, d);
            case THROWS -> throwObject(p, o, t0);
            case HANDS_TO -> handOver(p, o, a.recipient(), t0, d);
            case PUSHES -> push(p, o, t0, d);
            case KICKS -> kick(p, o, t0, d);
            case PETS -> pet(p, o, t0, d);
        };
    }

    /** Where p stands to walk "to" target: beside a thing, or face to face with a person. */
    double destinationFor(int p, int target) {
        Box t = s.box(target);
        double px = s.box(p).centerX();
        if (s.entity(target).isPerson()) {
            double side = px <= t.centerX() ? -1 : 1;
            double x = t.centerX() + side * HAND_OVER_DISTANCE;
            return x < Geometry.MARGIN || x > FRAME_WIDTH - Geometry.MARGIN ? t.centerX() - side * HAND_OVER_DISTANCE : x;
        }
        return Geometry.spotBeside(t, px);
    }

    /** Somewhere 200-500 px away, towards the roomier side (sometimes the other side, if it has room). */
    private double carryDestination(int p) {
        double cx = s.box(p).centerX();
        double keepIn = s.holding[p] >= 0 ? s.category(s.holding[p]).width() + 10 : 0;
        double lo = Geometry.MARGIN + keepIn;
        double hi = FRAME_WIDTH - Geometry.MARGIN - keepIn;
        int dir = hi - cx >= cx - lo ? 1 : -1;
        double otherRoom = dir > 0 ? cx - lo : hi - cx;
        if (otherRoom >= 200 && rng.nextDouble() < 0.25) {
            dir = -dir;
        }
        return Math.max(lo, Math.min(hi, cx + dir * (200 + rng.nextDouble() * 300)));
    }

    /** A walk to x that prepares the next action (a {@link Interaction#WALKS_TO} event). */
    double walkTo(int p, double toX, double t0) {
        return walk(p, toX, t0, Interaction.WALKS_TO);
    }

    private double walk(int p, double toX, double t0, Interaction in) {
        double dx = toX - s.box(p).centerX();
        s.facing[p] = dx >= 0 ? 1 : -1;
        double t1 = t0 + round(clamp(Math.abs(dx) / WALK_SPEED, in.minDuration(), in.maxDuration()));
        movePerson(p, t0, t1, Geometry.standing(toX));
        return t1;
    }

    private double pickUp(int p, int o, double t0, double d) {
        face(p, o);
        double tc = t0 + 0.4 * d;
        track(p).hold(t0);
        track(o).moveTo(tc, t0 + d, Geometry.held(s.box(p), s.facing[p], s.category(o)));
        s.heldBy[o] = p;
        s.holding[p] = o;
        s.restsOn[o] = -1;
        return t0 + d;
    }

    private double putDown(int p, int o, double t0, double d) {
        Box person = s.box(p);
        double hx = Geometry.handX(person, s.facing[p]);
        int surface = -1;
        for (Entity e : s.entities) {
            Box b = e.track().last();
            if (e.category().can(Capability.SURFACE) && hx > b.x1() + 15 && hx < b.x2() - 15) {
                surface = e.index();
            }
        }
        double base = surface >= 0 ? s.box(surface).y1() : FLOOR_Y;
        double td = t0 + 0.55 * d;
        track(o).moveTo(t0, td, Geometry.resting(s.category(o), hx, base));
        s.heldBy[o] = -1;
        s.holding[p] = -1;
        s.restsOn[o] = surface;
        double away = person.centerX() - s.facing[p] * (90 + rng.nextDouble() * 50);
        if (away < Geometry.MARGIN || away > FRAME_WIDTH - Geometry.MARGIN) {
            away = person.centerX() + s.facing[p] * 110;
        }
        track(p).moveTo(td, t0 + d, Geometry.standing(away));
        return t0 + d;
    }

    private double openOrClose(int p, int o, double t0, double d, boolean open) {
        face(p, o);
        Box now = s.box(o);
        track(p).hold(t0);
        track(o).moveTo(t0 + 0.2 * d, t0 + 0.85 * d, open ? Geometry.opened(s.category(o), now) : s.closedShape[o]);
        s.closedShape[o] = open ? now : null;
        return t0 + d;
    }

    private double sit(int p, int seat, double t0, double d) {
        Box b = s.box(seat);
        double cx = b.centerX();
        if (s.capacity(seat) > 1) {
            double quarter = b.width() / 4;
            boolean leftTaken = false;
            for (int q = 0; q < s.seatedOn.length; q++) {
                leftTaken |= s.seatedOn[q] == seat && s.box(q).centerX() < cx;
            }
            cx += (leftTaken ? 1 : -1) * quarter;
        }
        movePerson(p, t0, t0 + d, Geometry.sitting(cx));
        s.seatedOn[p] = seat;
        return t0 + d;
    }

    private double standUp(int p, double t0, double d) {
        movePerson(p, t0, t0 + d, Geometry.standing(s.box(p).centerX()));
        s.seatedOn[p] = -1;
        return t0 + d;
    }

    private double throwObject(int p, int o, double t0) {
        Box person = s.box(p);
        Category c = s.category(o);
        double dist = 300 + rng.nextDouble() * 300;
        double hx = Geometry.handX(person, s.facing[p]);
        double land = hx + s.facing[p] * dist;
        if (land < 40 || land > FRAME_WIDTH - 40) {
            s.facing[p] = -s.facing[p];
            movePerson(p, t0, t0 + 0.3, person);
            hx = Geometry.handX(person, s.facing[p]);
            land = clamp(hx + s.facing[p] * dist, 40, FRAME_WIDTH - 40);
        }
        double hy = Geometry.handY(person);
        double release = t0 + 0.4;
        double flight = round(0.5 + rng.nextDouble() * 0.3);
        track(o).hold(release);
        for (int k = 1; k <= 8; k++) {
            double a = k / 8.0;
            double x = hx + (land - hx) * a;
            double y = hy + (FLOOR_Y - c.height() / 2 - hy) * a - 480 * a * (1 - a);
            track(o).put(release + flight * a, Geometry.centred(x, y, c.width(), c.height()));
        }
        track(o).put(release + flight, Geometry.resting(c, land, FLOOR_Y));
        s.heldBy[o] = -1;
        s.holding[p] = -1;
        s.restsOn[o] = -1;
        return round(Math.max(t0 + Interaction.THROWS.minDuration(), release + flight + 0.3));
    }

    private double handOver(int p, int o, int r, double t0, double d) {
        double dir = s.box(r).centerX() >= s.box(p).centerX() ? 1 : -1;
        s.facing[p] = (int) dir;
        s.facing[r] = (int) -dir;
        track(p).hold(t0);
        track(r).hold(t0);
        track(o).moveTo(t0 + 0.3 * d, t0 + 0.8 * d, Geometry.held(s.box(r), s.facing[r], s.category(o)));
        s.heldBy[o] = r;
        s.holding[r] = o;
        s.holding[p] = -1;
        return t0 + d;
    }

    private double push(int p, int o, double t0, double d) {
        face(p, o);
        int dir = s.facing[p];
        Box b = s.box(o);
        double dist = travel(b, dir, 30, 150, 200);
        double ts = t0 + 0.25 * d;
        movePerson(p, ts, t0 + d, Geometry.standing(s.box(p).centerX() + dir * dist));
        track(o).moveTo(ts, t0 + d, shifted(b, dir * dist));
        return t0 + d;
    }

    private double kick(int p, int o, double t0, double d) {
        face(p, o);
        int dir = s.facing[p];
        Box b = s.box(o);
        double dist = travel(b, dir, 60, 250, 300);
        double ts = t0 + 0.3 * d;
        track(p).moveTo(t0, ts, Geometry.standing(s.box(p).centerX() + dir * 12));
        track(o).moveTo(ts, ts + 0.5, shifted(b, dir * dist));
        return round(Math.max(t0 + d, ts + 0.7));
    }

    /** How far a pushed or kicked object goes: {@code base} plus up to {@code spread}, within the room ahead, at least {@code min}. */
    private double travel(Box b, int dir, double min, double base, double spread) {
        return Math.max(min, Math.min(base + rng.nextDouble() * spread, Geometry.roomBeyond(b, dir)));
    }

    private double pet(int p, int animal, double t0, double d) {
        face(p, animal);
        Box stand = s.box(p);
        track(p).moveTo(t0 + 0.15 * d, t0 + 0.35 * d, Geometry.crouching(stand));
        track(p).hold(t0 + 0.7 * d);
        track(p).put(t0 + 0.9 * d, stand);
        track(animal).hold(t0);
        track(animal).hold(t0 + d);
        return t0 + d;
    }

    /** Moves a person and whatever they hold, keeping the held thing in their hand. */
    private void movePerson(int p, double t0, double t1, Box to) {
        Box from = track(p).at(t0);
        track(p).moveTo(t0, t1, to);
        int o = s.holding[p];
        if (o >= 0) {
            // the object is already in the hand on the walking side when the motion starts
            track(o).hold(t0 - 0.3); // a quick switch of hands just before setting off
            track(o).put(t0, Geometry.held(from, s.facing[p], s.category(o)));
            track(o).put(t1, Geometry.held(to, s.facing[p], s.category(o)));
        }
    }

    private void face(int p, int target) {
        s.facing[p] = s.box(target).centerX() >= s.box(p).centerX() ? 1 : -1;
    }

    private Track track(int i) {
        return s.entity(i).track();
    }

    private static Box shifted(Box b, double dx) {
        return new Box(b.x1() + dx, b.y1(), b.x2() + dx, b.y2());
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    static double round(double t) {
        return Math.round(t * 100) / 100.0;
    }
}
