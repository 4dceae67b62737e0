package org.momentgraph.eval.synthetic;

import java.util.Map;
import java.util.TreeMap;
import org.momentgraph.domain.Box;

/**
 * The true box of one entity over time: keyframes with linear interpolation between them; before the
 * first and after the last keyframe the box stays put.
 */
public final class Track {

    private final TreeMap<Double, Box> keyframes = new TreeMap<>();

    public Track(Box initial) {
        keyframes.put(0.0, initial);
    }

    public Box at(double t) {
        Map.Entry<Double, Box> lo = keyframes.floorEntry(t);
        Map.Entry<Double, Box> hi = keyframes.ceilingEntry(t);
        if (lo == null) {
            return hi.getValue();
        }
        if (hi == null || hi.getKey().equals(lo.getKey())) {
            return lo.getValue();
        }
        double a = (t - lo.getKey()) / (hi.getKey() - lo.getKey());
        Box p = lo.getValue();
        Box q = hi.getValue();
        return new Box(lerp(p.x1(), q.x1(), a), lerp(p.y1(), q.y1(), a), lerp(p.x2(), q.x2(), a), lerp(p.y2(), q.y2(), a));
    }

    /** The box after the last keyframe. */
    public Box last() {
        return keyframes.lastEntry().getValue();
    }

    /** Pins the current box at t0 (so earlier motion does not bleed in), then moves linearly to box at t1. */
    public void moveTo(double t0, double t1, Box box) {
        hold(t0);
        keyframes.put(t1, box);
    }

    /** Pins the box the track has at time t as a keyframe. */
    public void hold(double t) {
        keyframes.put(t, at(t));
    }

    /** Sets a keyframe (for paths sampled point by point, such as a throw's arc). */
    public void put(double t, Box box) {
        keyframes.put(t, box);
    }

    private static double lerp(double a, double b, double f) {
        return a + (b - a) * f;
    }
}
