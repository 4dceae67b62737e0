package org.momentgraph.domain;

/** A video of the corpus: its id, duration in seconds and the clip length of its retrieval grid. */
public record Video(String id, double duration, double clipLength) {

    public Video {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("video id must not be blank");
        }
        if (!(duration > 0) || !(clipLength > 0)) {
            throw new IllegalArgumentException("video " + id + " needs duration > 0 and clipLength > 0");
        }
    }

    public ClipGrid grid() {
        return new ClipGrid(duration, clipLength);
    }
}
