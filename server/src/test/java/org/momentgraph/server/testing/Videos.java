package org.momentgraph.server.testing;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.server.NewVideo;

/** Generated test videos: features are a function of (clip, dim); one detected frame per clip. */
public final class Videos {

    private Videos() {
    }

    /** A video of {@code duration} seconds in 2 s clips whose frames show {@code labels} in turn, two per frame. */
    public static NewVideo video(String id, double duration, String... labels) {
        ClipGrid grid = new ClipGrid(duration, 2.0);
        float[][] features = new float[grid.size()][4];
        List<FrameDetections> frames = new ArrayList<>();
        for (int c = 0; c < grid.size(); c++) {
            for (int d = 0; d < 4; d++) {
                features[c][d] = (float) Math.sin(id.hashCode() + c * 4 + d);
            }
            if (labels.length > 0) {
                String a = labels[c % labels.length];
                String b = labels[(c + 1) % labels.length];
                frames.add(new FrameDetections(id, grid.clipStart(c) + 0.5, List.of(
                        new Detection(a, 0.9, new Box(10, 10, 50, 80)),
                        new Detection(b, 0.8, new Box(40, 20, 90, 60)))));
            }
        }
        return new NewVideo(id, duration, 2.0, features, frames);
    }
}
