package org.momentgraph.encoders.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.encoders.model.Stream;

/**
 * Everything training and evaluation read: the examples of each split, every video's streams, and
 * the corpus videos of each split (VR and VCMR rank over these).
 *
 * @param name short dataset name for reports and train.json (never a path)
 * @param examples examples by split ("train", "val", "test")
 * @param videos streams by video id
 * @param splitVideos video ids by split, in corpus order
 */
public record TrainingSet(String name, Map<String, List<MomentExample>> examples, Map<String, VideoStreams> videos,
        Map<String, List<String>> splitVideos) {

    public TrainingSet {
        examples = Collections.unmodifiableMap(new LinkedHashMap<>(examples));
        videos = Collections.unmodifiableMap(new LinkedHashMap<>(videos));
        splitVideos = Collections.unmodifiableMap(new LinkedHashMap<>(splitVideos));
        for (Map.Entry<String, List<MomentExample>> split : examples.entrySet()) {
            for (MomentExample e : split.getValue()) {
                VideoStreams v = videos.get(e.videoId());
                if (v == null) {
                    throw new IllegalArgumentException(split.getKey() + " query " + e.queryId() + " refers to video "
                            + e.videoId() + " which has no features");
                }
                if (e.startClip() >= v.length()) {
                    throw new IllegalArgumentException("query " + e.queryId() + " starts at clip " + e.startClip()
                            + " but video " + e.videoId() + " has " + v.length() + " clips");
                }
            }
        }
    }

    public List<MomentExample> split(String name) {
        List<MomentExample> split = examples.get(name);
        if (split == null) {
            throw new IllegalArgumentException("no split '" + name + "'; splits are " + examples.keySet());
        }
        return split;
    }

    /** The streams of the videos of a split (the VR/VCMR corpus of that split). */
    public List<VideoStreams> corpus(String split) {
        List<String> ids = splitVideos.get(split);
        if (ids == null) {
            throw new IllegalArgumentException("no split '" + split + "'; splits are " + splitVideos.keySet());
        }
        List<VideoStreams> out = new ArrayList<>(ids.size());
        ids.forEach(id -> out.add(videos.get(id)));
        return out;
    }

    /** Width of a stream over the corpus, 0 when absent. */
    public int dim(Stream stream) {
        return videos.isEmpty() ? 0 : videos.values().iterator().next().dim(stream);
    }

    /** The longest ground-truth moment of the training split, in clips (the decoder's max length). */
    public int longestMoment(String split) {
        return split(split).stream().mapToInt(MomentExample::lengthInClips).max().orElse(1);
    }
}
