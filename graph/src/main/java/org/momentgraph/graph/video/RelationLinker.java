package org.momentgraph.graph.video;

import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.graph.relation.MotionRelations;
import org.momentgraph.graph.relation.Relation;
import org.momentgraph.graph.relation.RelationConfig;
import org.momentgraph.graph.relation.RelationType;
import org.momentgraph.graph.relation.SpatialRelations;
import org.momentgraph.graph.track.Track;

/**
 * Adds relation edges: within a clip (spatial relations of mean boxes, motion over the time both tracks
 * are seen in the clip) and between neighbouring clips (SAME_TRACK and motion of mean boxes from clip i
 * to clip i + 1). A symmetric relation is added once per pair, from the lower track id.
 */
final class RelationLinker {

    private final SpatialRelations spatial;
    private final MotionRelations motion;

    RelationLinker(RelationConfig config) {
        this.spatial = new SpatialRelations(config);
        this.motion = new MotionRelations(config);
    }

    void linkWithinClip(Graph<ObjectNode, RelationEdge> g, List<ObjectNode> nodes, Map<Integer, Track> tracks) {
        for (ObjectNode a : nodes) {
            for (ObjectNode b : nodes) {
                if (a.trackId() == b.trackId()) {
                    continue;
                }
                add(g, a, b, spatial.between(a.meanBox(), b.meanBox()));
                double t0 = Math.max(a.firstT(), b.firstT());
                double t1 = Math.min(a.lastT(), b.lastT());
                if (t1 > t0) {
                    Track ta = tracks.get(a.trackId());
                    Track tb = tracks.get(b.trackId());
                    add(g, a, b, motion.between(ta.boxAt(t0), ta.boxAt(t1), tb.boxAt(t0), tb.boxAt(t1), t1 - t0));
                }
            }
        }
    }

    void linkAcrossClips(Graph<ObjectNode, RelationEdge> g, List<ObjectNode> current, List<ObjectNode> next,
            ClipGrid grid, int clip) {
        Map<Integer, ObjectNode> nextByTrack = new java.util.HashMap<>();
        for (ObjectNode n : next) {
            nextByTrack.put(n.trackId(), n);
        }
        double dt = (grid.clipStart(clip + 1) + grid.clipEnd(clip + 1)) / 2
                - (grid.clipStart(clip) + grid.clipEnd(clip)) / 2;
        for (ObjectNode a0 : current) {
            ObjectNode a1 = nextByTrack.get(a0.trackId());
            if (a1 == null) {
                continue;
            }
            double score = a0.interpolated() || a1.interpolated() ? 0.5 : 1.0;
            g.addEdge(a0, a1, new RelationEdge(RelationType.SAME_TRACK, score));
            for (ObjectNode b0 : current) {
                ObjectNode b1 = nextByTrack.get(b0.trackId());
                if (b1 == null || b0.trackId() == a0.trackId()) {
                    continue;
                }
                add(g, a0, b1, motion.between(a0.meanBox(), a1.meanBox(), b0.meanBox(), b1.meanBox(), dt));
            }
        }
    }

    private static void add(Graph<ObjectNode, RelationEdge> g, ObjectNode a, ObjectNode b, List<Relation> rs) {
        for (Relation r : rs) {
            if (!r.type().symmetric() || a.trackId() < b.trackId()) {
                g.addEdge(a, b, new RelationEdge(r.type(), r.score()));
            }
        }
    }
}
