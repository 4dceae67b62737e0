package org.momentgraph.graph.video;

import java.util.Arrays;
import java.util.Objects;
import org.momentgraph.domain.Box;

/**
 * A track as seen in one clip: a node of the clip graph. Two nodes are equal when they are the same
 * track in the same clip, whatever their other fields.
 *
 * @param trackId      the track's id within the video
 * @param label        the track's (majority) label
 * @param clipIndex    the clip of the video's grid
 * @param meanBox      the mean of the track's boxes in the clip
 * @param firstT       time of the first observation in the clip (the clip start when interpolated)
 * @param lastT        time of the last observation in the clip (the clip end when interpolated)
 * @param confidence   mean detection score in the clip; halved for an interpolated node
 * @param observations detections of the track in the clip; 0 when the node is interpolated across a gap
 * @param feature      an optional feature vector (e.g. a label embedding), null when none was supplied
 */
public record ObjectNode(int trackId, String label, int clipIndex, Box meanBox, double firstT, double lastT,
        double confidence, int observations, float[] feature) {

    /** A stable id, unique in the video graph and valid in DOT and GraphML: "t3_c12" is track 3 in clip 12. */
    public String id() {
        return "t" + trackId + "_c" + clipIndex;
    }

    public boolean interpolated() {
        return observations == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectNode n && n.trackId == trackId && n.clipIndex == clipIndex;
    }

    @Override
    public int hashCode() {
        return Objects.hash(trackId, clipIndex);
    }

    @Override
    public String toString() {
        return id() + ":" + label + (feature == null ? "" : " feature" + Arrays.toString(Arrays.copyOf(feature,
                Math.min(3, feature.length))));
    }
}
