package org.momentgraph.graph.track;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Span;

/**
 * One object followed through a video: its time-sorted observations and the label most of them
 * carry (detectors flip between similar classes; the majority vote smooths that out).
 *
 * @param id     unique within the video, assigned in order of first appearance
 * @param label  the majority label of the observations (ties go to the larger summed score)
 * @param points the observations, sorted by time, at most one per frame
 */
public record Track(int id, String label, List<TrackPoint> points) {

    public Track {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("track " + id + " has no observations");
        }
    }

    /** A track whose label is the majority vote of its observations. */
    public static Track of(int id, List<TrackPoint> points) {
        return new Track(id, majorityLabel(points), points);
    }

    static String majorityLabel(List<TrackPoint> points) {
        Map<String, double[]> votes = new HashMap<>();
        for (TrackPoint p : points) {
            double[] v = votes.computeIfAbsent(p.label(), k -> new double[2]);
            v[0] += 1;
            v[1] += p.score();
        }
        String best = null;
        double[] bestVote = null;
        for (Map.Entry<String, double[]> e : votes.entrySet()) {
            double[] v = e.getValue();
            if (best == null || v[0] > bestVote[0] || (v[0] == bestVote[0]
                    && (v[1] > bestVote[1] || (v[1] == bestVote[1] && e.getKey().compareTo(best) < 0)))) {
                best = e.getKey();
                bestVote = v;
            }
        }
        return best;
    }

    public double start() {
        return points.get(0).t();
    }

    public double end() {
        return points.get(points.size() - 1).t();
    }

    public Span span() {
        return new Span(start(), end());
    }

    public TrackPoint first() {
        return points.get(0);
    }

    public TrackPoint last() {
        return points.get(points.size() - 1);
    }

    public double meanScore() {
        return points.stream().mapToDouble(TrackPoint::score).average().orElse(0);
    }

    /**
     * The box at time t: the observed box at an observation time, linearly interpolated between the
     * two observations around t, and the nearest end box outside the track's span.
     */
    public Box boxAt(double t) {
        if (t <= start()) {
            return first().box();
        }
        if (t >= end()) {
            return last().box();
        }
        int lo = 0;
        int hi = points.size() - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (points.get(mid).t() <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        TrackPoint a = points.get(lo);
        TrackPoint b = points.get(hi);
        double w = b.t() == a.t() ? 0 : (t - a.t()) / (b.t() - a.t());
        Box x = a.box();
        Box y = b.box();
        return new Box(x.x1() + w * (y.x1() - x.x1()), x.y1() + w * (y.y1() - x.y1()),
                x.x2() + w * (y.x2() - x.x2()), x.y2() + w * (y.y2() - x.y2()));
    }
}
