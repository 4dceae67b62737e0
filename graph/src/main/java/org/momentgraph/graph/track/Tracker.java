package org.momentgraph.graph.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;

/**
 * Links the per-frame detections of one video into object tracks (tracking by detection). Each frame's
 * detections are assigned to the open tracks by a cost of overlap, centre distance and label agreement
 * (see {@link TrackerConfig}); unassigned detections open new tracks; a track unseen for longer than
 * {@code maxGapSeconds} is closed, so short misses do not split it.
 */
public final class Tracker {

    private final TrackerConfig config;
    private final LabelMatcher labels;

    public Tracker(TrackerConfig config) {
        this.config = config;
        this.labels = new LabelMatcher(config);
    }

    public TrackerConfig config() {
        return config;
    }

    /** Tracks of one video, ids in order of first appearance. Frames are sorted by time if they are not. */
    public List<Track> track(List<FrameDetections> frames) {
        List<FrameDetections> sorted = new ArrayList<>(frames);
        sorted.sort(Comparator.comparingDouble(FrameDetections::t));
        String video = sorted.isEmpty() ? null : sorted.get(0).video();
        List<OpenTrack> open = new ArrayList<>();
        List<OpenTrack> closed = new ArrayList<>();
        int serial = 0;
        for (FrameDetections frame : sorted) {
            if (video != null && !video.equals(frame.video())) {
                throw new IllegalArgumentException("tracking needs frames of one video, got " + video
                        + " and " + frame.video());
            }
            if (Double.isNaN(frame.t())) {
                throw new IllegalArgumentException("frame of " + frame.video() + " has time NaN");
            }
            for (Iterator<OpenTrack> it = open.iterator(); it.hasNext(); ) {
                OpenTrack track = it.next();
                if (frame.t() - track.lastT() > config.maxGapSeconds()) {
                    closed.add(track);
                    it.remove();
                }
            }
            List<Detection> dets = frame.objects();
            int[] assigned = Assignment.solve(costs(open, dets), config.assignment());
            boolean[] used = new boolean[dets.size()];
            for (int r = 0; r < assigned.length; r++) {
                if (assigned[r] >= 0) {
                    used[assigned[r]] = true;
                }
            }
            reacquire(open, dets, assigned, used);
            for (int r = 0; r < assigned.length; r++) {
                if (assigned[r] >= 0) {
                    open.get(r).add(new TrackPoint(frame.t(), dets.get(assigned[r])));
                }
            }
            for (int j = 0; j < dets.size(); j++) {
                if (!used[j]) {
                    OpenTrack track = new OpenTrack(serial++);
                    track.add(new TrackPoint(frame.t(), dets.get(j)));
                    open.add(track);
                }
            }
        }
        closed.addAll(open);
        closed.sort(Comparator.comparingDouble((OpenTrack t) -> t.points.get(0).t()).thenComparingInt(t -> t.serial));
        List<Track> tracks = new ArrayList<>();
        for (OpenTrack t : closed) {
            if (t.points.size() >= config.minTrackPoints()) {
                tracks.add(Track.of(tracks.size(), t.points));
            }
        }
        return tracks;
    }

    private double[][] costs(List<OpenTrack> open, List<Detection> dets) {
        double[][] cost = new double[open.size()][dets.size()];
        for (int i = 0; i < open.size(); i++) {
            OpenTrack track = open.get(i);
            Box last = track.lastBox();
            String trackLabel = track.majorityLabel();
            for (int j = 0; j < dets.size(); j++) {
                cost[i][j] = cost(last, trackLabel, dets.get(j));
            }
        }
        return cost;
    }

    /**
     * Second pass over what the first left: an unmatched track and an unmatched detection of the same
     * label key within {@code reacquireDistance} mean diagonals are linked, nearest first (assignment on
     * centre distance). Fills {@code assigned} and {@code used} in place.
     */
    private void reacquire(List<OpenTrack> open, List<Detection> dets, int[] assigned, boolean[] used) {
        if (config.reacquireDistance() <= 0) {
            return;
        }
        List<Integer> tracks = new ArrayList<>();
        List<Integer> free = new ArrayList<>();
        for (int r = 0; r < assigned.length; r++) {
            if (assigned[r] < 0) {
                tracks.add(r);
            }
        }
        for (int j = 0; j < dets.size(); j++) {
            if (!used[j]) {
                free.add(j);
            }
        }
        if (tracks.isEmpty() || free.isEmpty()) {
            return;
        }
        double[][] cost = new double[tracks.size()][free.size()];
        for (int a = 0; a < tracks.size(); a++) {
            OpenTrack track = open.get(tracks.get(a));
            String key = labels.key(track.majorityLabel());
            for (int b = 0; b < free.size(); b++) {
                Detection det = dets.get(free.get(b));
                double dist = BoxGeometry.normalizedCenterDistance(track.lastBox(), det.box());
                cost[a][b] = key.equals(labels.key(det.label())) && dist <= config.reacquireDistance()
                        ? dist : Double.POSITIVE_INFINITY;
            }
        }
        int[] second = Assignment.solve(cost, config.assignment());
        for (int a = 0; a < second.length; a++) {
            if (second[a] >= 0) {
                assigned[tracks.get(a)] = free.get(second[a]);
                used[free.get(second[a])] = true;
            }
        }
    }

    /** The pair's cost, or infinity when it must not match. */
    double cost(Box last, String trackLabel, Detection det) {
        Box box = det.box();
        double iou = last.iou(box);
        double dist = BoxGeometry.normalizedCenterDistance(last, box);
        double base = (1 - iou) + dist;
        double penalty = labels.penalty(trackLabel, det.label());
        if (Double.isFinite(penalty)) {
            return iou >= config.minIou() || dist <= config.maxCenterDistance() ? base + penalty
                    : Double.POSITIVE_INFINITY;
        }
        return iou >= config.geometryMatchMinIou() ? base + config.geometryMatchPenalty() : Double.POSITIVE_INFINITY;
    }

    /** A track being built: its points and the running label vote. */
    private final class OpenTrack {
        private final int serial;
        private final List<TrackPoint> points = new ArrayList<>();
        private final Map<String, Integer> votes = new HashMap<>();
        private String majority;

        OpenTrack(int serial) {
            this.serial = serial;
        }

        void add(TrackPoint p) {
            points.add(p);
            String key = labels.key(p.label());
            int n = votes.merge(key, 1, Integer::sum);
            if (majority == null || n > votes.get(labels.key(majority))) {
                majority = p.label();
            }
        }

        double lastT() {
            return points.get(points.size() - 1).t();
        }

        Box lastBox() {
            return points.get(points.size() - 1).box();
        }

        String majorityLabel() {
            return majority;
        }
    }
}
