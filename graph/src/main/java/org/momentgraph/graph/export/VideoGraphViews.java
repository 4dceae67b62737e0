package org.momentgraph.graph.export;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.graph.video.ClipGraph;
import org.momentgraph.graph.video.ObjectNode;
import org.momentgraph.graph.video.RelationEdge;
import org.momentgraph.graph.video.VideoGraph;

/** Export views of video and clip graphs: node kind "object", edge kind the relation key. */
public final class VideoGraphViews {

    private VideoGraphViews() {
    }

    public static GraphView<ObjectNode, RelationEdge> of(VideoGraph vg) {
        return objects(vg.graph(), vg)
                .graphAttribute("duration", vg.video().duration())
                .graphAttribute("clip_length", vg.video().clipLength())
                .build();
    }

    /** One clip's graph of a video. */
    public static GraphView<ObjectNode, RelationEdge> of(VideoGraph vg, int clip) {
        ClipGraph cg = vg.clip(clip);
        return objects(cg.graph(), vg)
                .graphAttribute("clip", clip)
                .graphAttribute("start", cg.span().start())
                .graphAttribute("end", cg.span().end())
                .build();
    }

    /** A view of object nodes and relation edges of {@code vg} (or one of its clips), the video named first. */
    private static GraphView.Builder<ObjectNode, RelationEdge> objects(Graph<ObjectNode, RelationEdge> graph, VideoGraph vg) {
        ClipGrid grid = vg.video().grid();
        return GraphView.builder(graph)
                .nodeId(ObjectNode::id)
                .nodeLabel(ObjectNode::label)
                .nodeKind(n -> "object")
                .nodeAttributes(n -> nodeAttributes(n, grid))
                .edgeKind(e -> e.type().key())
                .edgeAttributes(VideoGraphViews::edgeAttributes)
                .graphAttribute("video", vg.video().id());
    }

    static Map<String, Object> nodeAttributes(ObjectNode n, ClipGrid grid) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("track", n.trackId());
        a.put("clip", n.clipIndex());
        a.put("start", grid.clipStart(n.clipIndex()));
        a.put("end", grid.clipEnd(n.clipIndex()));
        a.put("x1", n.meanBox().x1());
        a.put("y1", n.meanBox().y1());
        a.put("x2", n.meanBox().x2());
        a.put("y2", n.meanBox().y2());
        a.put("score", n.confidence());
        a.put("observations", n.observations());
        a.put("interpolated", n.interpolated());
        if (n.feature() != null) {
            a.put("feature", n.feature());
        }
        return a;
    }

    static Map<String, Object> edgeAttributes(RelationEdge e) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("score", e.score());
        a.put("relation_kind", e.type().kind().name().toLowerCase(java.util.Locale.ROOT));
        a.put("symmetric", e.type().symmetric());
        return a;
    }
}
