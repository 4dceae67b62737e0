package org.momentgraph.graph.video;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.graph.track.BoxGeometry;
import org.momentgraph.graph.track.Track;
import org.momentgraph.graph.track.TrackPoint;

/**
 * Cuts tracks into per-clip nodes. A track observed in a clip gives a node with its mean box there; a
 * track observed before and after a clip but not in it (a missed detection, or sparse annotation such as
 * TVQA+'s one frame per 2 s) gives an interpolated node when {@code interpolate} is on.
 */
final class ClipNodes {

    private ClipNodes() {
    }

    /** Nodes per clip index, each list ordered by track id. */
    static List<List<ObjectNode>> of(List<Track> tracks, ClipGrid grid, boolean interpolate,
            Function<String, float[]> features) {
        int clips = grid.size();
        List<List<ObjectNode>> out = new ArrayList<>(clips);
        for (int i = 0; i < clips; i++) {
            out.add(new ArrayList<>());
        }
        Map<String, float[]> featureCache = new HashMap<>();
        for (Track track : tracks) {
            float[] feature = features == null ? null
                    : featureCache.computeIfAbsent(track.label(), features::apply);
            Map<Integer, List<TrackPoint>> byClip = new HashMap<>();
            for (TrackPoint p : track.points()) {
                byClip.computeIfAbsent(grid.clipAt(p.t()), k -> new ArrayList<>()).add(p);
            }
            int first = grid.clipAt(track.start());
            int last = grid.clipAt(track.end());
            for (int c = first; c <= last; c++) {
                List<TrackPoint> points = byClip.get(c);
                if (points != null) {
                    Box mean = BoxGeometry.mean(points.stream().map(TrackPoint::box).toList());
                    double conf = points.stream().mapToDouble(TrackPoint::score).average().orElse(0);
                    out.get(c).add(new ObjectNode(track.id(), track.label(), c, mean, points.get(0).t(),
                            points.get(points.size() - 1).t(), conf, points.size(), feature));
                } else if (interpolate) {
                    double s = grid.clipStart(c);
                    double e = grid.clipEnd(c);
                    Box mid = track.boxAt((s + e) / 2);
                    out.get(c).add(new ObjectNode(track.id(), track.label(), c, mid, s, e,
                            track.meanScore() / 2, 0, feature));
                }
            }
        }
        return out;
    }
}
