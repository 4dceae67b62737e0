package org.momentgraph.graph.video;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.relation.RelationConfig;
import org.momentgraph.graph.track.Track;
import org.momentgraph.graph.track.Tracker;
import org.momentgraph.graph.track.TrackerConfig;

/**
 * Builds the relation graphs of a video from its detections: track, cut tracks into clip nodes, relate
 * nodes within each clip, join clips. Thread-safe once built; one builder serves a whole corpus.
 *
 * <pre>{@code
 * VideoGraphBuilder builder = VideoGraphBuilder.builder()
 *         .tracker(TrackerConfig.builder().maxGapSeconds(3).build())
 *         .labelFeatures(label -> embed(label))   // optional
 *         .build();
 * VideoGraph g = builder.build(video, frames);
 * }</pre>
 */
public final class VideoGraphBuilder {

    private final TrackerConfig trackerConfig;
    private final RelationConfig relationConfig;
    private final Function<String, float[]> labelFeatures;
    private final boolean interpolate;

    private VideoGraphBuilder(Builder b) {
        this.trackerConfig = b.tracker;
        this.relationConfig = b.relations;
        this.labelFeatures = b.labelFeatures;
        this.interpolate = b.interpolate;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Tracks the detections (one video's, any order), then builds the graphs. */
    public VideoGraph build(Video video, List<FrameDetections> frames) {
        return fromTracks(video, new Tracker(trackerConfig).track(frames));
    }

    /** Builds the graphs of already tracked objects. */
    public VideoGraph fromTracks(Video video, List<Track> tracks) {
        ClipGrid grid = video.grid();
        Map<Integer, Track> byId = new HashMap<>();
        for (Track t : tracks) {
            if (byId.put(t.id(), t) != null) {
                throw new IllegalArgumentException("video " + video.id() + ": two tracks with id " + t.id());
            }
        }
        List<List<ObjectNode>> nodes = ClipNodes.of(tracks, grid, interpolate, labelFeatures);
        RelationLinker linker = new RelationLinker(relationConfig);
        Graph<ObjectNode, RelationEdge> whole = newGraph();
        List<ClipGraph> clips = new ArrayList<>(nodes.size());
        for (int c = 0; c < nodes.size(); c++) {
            Graph<ObjectNode, RelationEdge> g = newGraph();
            nodes.get(c).forEach(g::addVertex);
            linker.linkWithinClip(g, nodes.get(c), byId);
            clips.add(new ClipGraph(c, grid.clipSpan(c), g));
            g.vertexSet().forEach(whole::addVertex);
            for (RelationEdge e : g.edgeSet()) {
                whole.addEdge(g.getEdgeSource(e), g.getEdgeTarget(e), e);
            }
        }
        for (int c = 0; c + 1 < nodes.size(); c++) {
            linker.linkAcrossClips(whole, nodes.get(c), nodes.get(c + 1), grid, c);
        }
        return new VideoGraph(video, tracks, clips, whole);
    }

    private static Graph<ObjectNode, RelationEdge> newGraph() {
        return new DirectedMultigraph<>(null, null, false);
    }

    /** Settings of a {@link VideoGraphBuilder}; all optional. */
    public static final class Builder {
        private TrackerConfig tracker = TrackerConfig.defaults();
        private RelationConfig relations = RelationConfig.defaults();
        private Function<String, float[]> labelFeatures;
        private boolean interpolate = true;

        public Builder tracker(TrackerConfig v) {
            tracker = v;
            return this;
        }

        public Builder relations(RelationConfig v) {
            relations = v;
            return this;
        }

        /** A feature vector per label (e.g. a text embedding) for {@link ObjectNode#feature()}; none by default. */
        public Builder labelFeatures(Function<String, float[]> v) {
            labelFeatures = v;
            return this;
        }

        /** Whether a track gets nodes in clips between its observations (default true). */
        public Builder interpolateGaps(boolean v) {
            interpolate = v;
            return this;
        }

        public VideoGraphBuilder build() {
            return new VideoGraphBuilder(this);
        }
    }
}
