package org.momentgraph.domain;

/** An axis-aligned box in pixels: (x1, y1) top-left, (x2, y2) bottom-right. */
public record Box(double x1, double y1, double x2, double y2) {

    public Box {
        if (!(x2 >= x1 && y2 >= y1)) {
            throw new IllegalArgumentException("box needs x1 <= x2 and y1 <= y2, got ["
                    + x1 + ", " + y1 + ", " + x2 + ", " + y2 + "]");
        }
    }

    /** TVQA+ stores boxes as left, top, width, height. */
    public static Box ofLeftTopWidthHeight(double left, double top, double width, double height) {
        return new Box(left, top, left + width, top + height);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }

    public double centerX() {
        return (x1 + x2) / 2;
    }

    public double centerY() {
        return (y1 + y2) / 2;
    }

    public double intersectionArea(Box o) {
        double w = Math.min(x2, o.x2) - Math.max(x1, o.x1);
        double h = Math.min(y2, o.y2) - Math.max(y1, o.y1);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    public double iou(Box o) {
        double inter = intersectionArea(o);
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
