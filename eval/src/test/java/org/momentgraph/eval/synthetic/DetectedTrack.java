package org.momentgraph.eval.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;

/**
 * The detected boxes of one entity over a time window: in each frame, the detection with the entity's
 * label that overlaps the entity's true box most. The true track only says which detection is which
 * (two persons share a label); every measurement is taken on the detected boxes.
 */
final class DetectedTrack {

    final TreeMap<Double, Box> boxes = new TreeMap<>();

    static DetectedTrack follow(List<FrameDetections> frames, String label, Track truth, double from, double to) {
        DetectedTrack track = new DetectedTrack();
        for (FrameDetections f : frames) {
            if (f.t() < from - 1e-9 || f.t() > to + 1e-9) {
                continue;
            }
            Box expected = truth.at(f.t());
            Detection best = null;
            double bestIou = 0;
            for (Detection d : f.objects()) {
                double iou = d.box().iou(expected);
                if (d.label().equals(label) && iou > bestIou) {
                    bestIou = iou;
                    best = d;
                }
            }
            if (best != null) {
                track.boxes.put(f.t(), best.box());
            }
        }
        return track;
    }

    static double distance(Box a, Box b) {
        return Math.hypot(a.centerX() - b.centerX(), a.centerY() - b.centerY());
    }

    Box first() {
        return boxes.firstEntry().getValue();
    }

    Box last() {
        return boxes.lastEntry().getValue();
    }

    List<Box> all() {
        return new ArrayList<>(boxes.values());
    }

    /** The largest centre speed between consecutive observed frames, px/s. */
    double maxSpeed() {
        double max = 0;
        Double pt = null;
        Box pb = null;
        for (var e : boxes.entrySet()) {
            if (pb != null) {
                max = Math.max(max, distance(pb, e.getValue()) / (e.getKey() - pt));
            }
            pt = e.getKey();
            pb = e.getValue();
        }
        return max;
    }

    boolean isEmpty() {
        return boxes.size() < 2;
    }
}
