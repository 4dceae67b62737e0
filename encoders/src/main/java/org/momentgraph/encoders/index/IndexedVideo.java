package org.momentgraph.encoders.index;

import org.momentgraph.domain.Video;

/**
 * A video as the corpus index knows it: its id, duration, clip length and the number of per-clip
 * vectors stored for it (which need not equal the clip grid's size: the encoder decides).
 */
public record IndexedVideo(String id, double duration, double clipLength, int clips) {

    public IndexedVideo {
        new Video(id, duration, clipLength); // same rules as the domain type
        if (clips <= 0) {
            throw new IllegalArgumentException("video " + id + " needs at least one clip vector: " + clips);
        }
    }

    public Video video() {
        return new Video(id, duration, clipLength);
    }
}
