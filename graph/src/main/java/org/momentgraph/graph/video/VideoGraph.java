package org.momentgraph.graph.video;

import java.util.List;
import org.jgrapht.Graph;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.track.Track;

/**
 * The relation graph of a whole video: every clip graph's nodes and edges, joined by SAME_TRACK edges
 * (a track in consecutive clips) and cross-clip motion relations (clip i to clip i + 1).
 *
 * @param video  the video
 * @param tracks its object tracks
 * @param clips  one graph per clip of {@code video.grid()}, in order (empty graphs for empty clips)
 * @param graph  the whole-video graph; shares node and edge objects with the clip graphs
 */
public record VideoGraph(Video video, List<Track> tracks, List<ClipGraph> clips, Graph<ObjectNode, RelationEdge> graph) {

    public VideoGraph {
        tracks = List.copyOf(tracks);
        clips = List.copyOf(clips);
    }

    public ClipGraph clip(int index) {
        return clips.get(index);
    }
}
