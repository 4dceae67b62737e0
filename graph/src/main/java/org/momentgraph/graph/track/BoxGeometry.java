package org.momentgraph.graph.track;

import org.momentgraph.domain.Box;

/** Scale-free box measures shared by tracking and relations. */
public final class BoxGeometry {

    private BoxGeometry() {
    }

    public static double diagonal(Box b) {
        return Math.hypot(b.width(), b.height());
    }

    /** The mean diagonal of two boxes, never below 1e-9 so degenerate boxes do not divide by zero. */
    public static double meanDiagonal(Box a, Box b) {
        return Math.max(1e-9, (diagonal(a) + diagonal(b)) / 2);
    }

    public static double centerDistance(Box a, Box b) {
        return Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY());
    }

    /** Centre distance in units of the mean diagonal: 0 for concentric boxes, about 1 for touching neighbours. */
    public static double normalizedCenterDistance(Box a, Box b) {
        return centerDistance(a, b) / meanDiagonal(a, b);
    }

    /** The shortest distance between the two boxes' edges; 0 when they touch or overlap. */
    public static double gap(Box a, Box b) {
        double dx = Math.max(0, Math.max(a.x1() - b.x2(), b.x1() - a.x2()));
        double dy = Math.max(0, Math.max(a.y1() - b.y2(), b.y1() - a.y2()));
        return Math.hypot(dx, dy);
    }

    /** The mean of several boxes, coordinate by coordinate. */
    public static Box mean(Iterable<Box> boxes) {
        double x1 = 0;
        double y1 = 0;
        double x2 = 0;
        double y2 = 0;
        int n = 0;
        for (Box b : boxes) {
            x1 += b.x1();
            y1 += b.y1();
            x2 += b.x2();
            y2 += b.y2();
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("mean of no boxes");
        }
        return new Box(x1 / n, y1 / n, x2 / n, y2 / n);
    }
}
