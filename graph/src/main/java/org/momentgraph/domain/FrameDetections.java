package org.momentgraph.domain;

import java.util.List;

/** All detections of one frame of one video, at time {@code t} seconds. */
public record FrameDetections(String video, double t, List<Detection> objects) {

    public FrameDetections {
        objects = List.copyOf(objects);
    }
}
