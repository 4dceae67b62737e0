package org.momentgraph.encoders.index;

import java.util.Map;
import java.util.TreeMap;
import org.momentgraph.domain.Video;

/**
 * What the video encoder produces for one video, ready to be added to a {@link CorpusIndex}: a
 * video-level vector {@code [D]} for video retrieval, per-clip vectors {@code [L, D]} for
 * localisation, and optional extra per-clip arrays {@code [L, W]} by name (graph-filter inputs etc.).
 */
public record VideoEncoding(Video video, float[] videoVector, float[][] clipVectors, Map<String, float[][]> extras) {

    public VideoEncoding {
        if (video == null || videoVector == null || clipVectors == null) {
            throw new IllegalArgumentException("video, videoVector and clipVectors are required");
        }
        if (clipVectors.length == 0) {
            throw new IllegalArgumentException("video " + video.id() + " has no clip vectors");
        }
        extras = extras == null ? Map.of() : Map.copyOf(new TreeMap<>(extras));
        for (Map.Entry<String, float[][]> e : extras.entrySet()) {
            if (e.getValue().length != clipVectors.length) {
                throw new IllegalArgumentException("video " + video.id() + " extra '" + e.getKey() + "' has "
                        + e.getValue().length + " rows, expected one per clip: " + clipVectors.length);
            }
        }
    }

    public VideoEncoding(Video video, float[] videoVector, float[][] clipVectors) {
        this(video, videoVector, clipVectors, Map.of());
    }

    public IndexedVideo indexed() {
        return new IndexedVideo(video.id(), video.duration(), video.clipLength(), clipVectors.length);
    }
}
