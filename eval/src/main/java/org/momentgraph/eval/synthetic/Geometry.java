package org.momentgraph.eval.synthetic;

import static org.momentgraph.eval.synthetic.World.FLOOR_Y;
import static org.momentgraph.eval.synthetic.World.FRAME_WIDTH;

import org.momentgraph.domain.Box;

/** Where boxes go in the side-view frame: standing and sitting persons, held, resting and opened objects. */
final class Geometry {

    static final double STANDING_HEIGHT = 330;
    static final double SITTING_HEIGHT = 215;
    static final double CROUCH_HEIGHT = 235;
    static final double PERSON_WIDTH = 110;
    static final double MARGIN = 60;
    /** Height of a window's bottom edge: low enough that a standing person's box touches it. */
    static final double WINDOW_BOTTOM = 395;

    private Geometry() {
    }

    static Box standing(double cx) {
        return new Box(cx - PERSON_WIDTH / 2, FLOOR_Y - STANDING_HEIGHT, cx + PERSON_WIDTH / 2, FLOOR_Y);
    }

    static Box sitting(double cx) {
        double w = PERSON_WIDTH + 15;
        return new Box(cx - w / 2, FLOOR_Y - 8 - SITTING_HEIGHT, cx + w / 2, FLOOR_Y - 8);
    }

    static Box crouching(Box standing) {
        return new Box(standing.x1() - 10, FLOOR_Y - CROUCH_HEIGHT, standing.x2() + 10, FLOOR_Y);
    }

    /** A box of the given size centred on (cx, cy). */
    static Box centred(double cx, double cy, double w, double h) {
        return new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    /** The hand: a little in front of the body at mid height. */
    static double handX(Box person, int facing) {
        return person.centerX() + facing * person.width() * 0.3;
    }

    static double handY(Box person) {
        return person.y1() + person.height() * 0.33;
    }

    static Box held(Box person, int facing, Category c) {
        return centred(handX(person, facing), handY(person), c.width(), c.height());
    }

    /** An object resting with its bottom edge on {@code baseY}, centred at cx. */
    static Box resting(Category c, double cx, double baseY) {
        return new Box(cx - c.width() / 2, baseY - c.height(), cx + c.width() / 2, baseY);
    }

    /** A fixed thing's initial box: on the floor, or on the wall for wall-mounted things. */
    static Box placed(Category c, double cx) {
        if (c.can(Capability.WALL_MOUNTED)) {
            return new Box(cx - c.width() / 2, WINDOW_BOTTOM - c.height(), cx + c.width() / 2, WINDOW_BOTTOM);
        }
        return resting(c, cx, FLOOR_Y);
    }

    /**
     * The open shape of an openable thing: its box widens (a door leaf or book cover swings out) or grows
     * upwards (a laptop screen, a box lid, a bag's mouth). Opening always changes the aspect ratio.
     */
    static Box opened(Category c, Box closed) {
        return switch (c.label()) {
            case "door", "fridge", "cabinet" -> closed.x2() + closed.width() * 0.7 <= FRAME_WIDTH
                    ? new Box(closed.x1(), closed.y1(), closed.x2() + closed.width() * 0.7, closed.y2())
                    : new Box(closed.x1() - closed.width() * 0.7, closed.y1(), closed.x2(), closed.y2());
            case "window" -> new Box(closed.x1() - closed.width() * 0.25, closed.y1(), closed.x2() + closed.width() * 0.25, closed.y2());
            case "laptop" -> new Box(closed.x1(), closed.y1() - 52, closed.x2(), closed.y2());
            case "book" -> new Box(closed.x1() - closed.width() * 0.5, closed.y1() + closed.height() * 0.3, closed.x2() + closed.width() * 0.5, closed.y2());
            case "umbrella" -> new Box(closed.centerX() - 55, closed.y1() - 10, closed.centerX() + 55, closed.y2());
            default -> new Box(closed.x1() - 4, closed.y1() - closed.height() * 0.5, closed.x2() + 4, closed.y2());
        };
    }

    /**
     * Where a person stands to touch the target: beside it on the side nearer to the person, close enough
     * that the two boxes overlap.
     */
    static double spotBeside(Box target, double fromCx) {
        double reach = target.width() < 80 ? 28 : target.width() / 2 + PERSON_WIDTH / 2 - 30;
        double left = target.centerX() - reach;
        double right = target.centerX() + reach;
        boolean leftFits = left >= MARGIN;
        boolean rightFits = right <= FRAME_WIDTH - MARGIN;
        if (leftFits && (!rightFits || Math.abs(fromCx - left) <= Math.abs(fromCx - right))) {
            return left;
        }
        return rightFits ? right : clampX(left);
    }

    /** Free floor beyond {@code b} towards {@code dir} (+1 right, -1 left), keeping 20 px from the frame's edge. */
    static double roomBeyond(Box b, int dir) {
        return dir > 0 ? FRAME_WIDTH - 20 - b.x2() : b.x1() - 20;
    }

    static double clampX(double cx) {
        return Math.max(MARGIN, Math.min(FRAME_WIDTH - MARGIN, cx));
    }
}
