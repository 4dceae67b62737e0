package org.momentgraph.graph.track;

import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;

/** One observation of a track: the detection it was linked to and the frame time {@code t} in seconds. */
public record TrackPoint(double t, Detection detection) {

    public Box box() {
        return detection.box();
    }

    public double score() {
        return detection.score();
    }

    /** The label the detector gave this observation, which may differ from the track's voted label. */
    public String label() {
        return detection.label();
    }
}
