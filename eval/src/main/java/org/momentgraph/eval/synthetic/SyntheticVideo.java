package org.momentgraph.eval.synthetic;

import java.util.List;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;

/**
 * One generated video with everything known about it.
 *
 * @param index     position in the corpus
 * @param video     id, duration and clip length
 * @param split     "train", "val" or "test"
 * @param scene     the kind of room
 * @param entities  actors and objects with their true tracks
 * @param events    what happens, ordered by time
 * @param frames    detections at the configured frame rate (empty in feature-only corpora)
 * @param features  one vector per clip of the video's grid
 * @param subtitles dialogue lines (empty when subtitles are off)
 * @param queries   queries whose ground truth lies in this video
 */
public record SyntheticVideo(int index, Video video, String split, String scene, List<Entity> entities, List<Event> events,
        List<FrameDetections> frames, float[][] features, List<SubtitleLine> subtitles, List<Query> queries) {

    public SyntheticVideo {
        entities = List.copyOf(entities);
        events = List.copyOf(events);
        frames = List.copyOf(frames);
        subtitles = List.copyOf(subtitles);
        queries = List.copyOf(queries);
    }

    public String id() {
        return video.id();
    }
}
