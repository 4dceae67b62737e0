package org.momentgraph.server;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.FrameDetections;

/**
 * A video to add: its id, duration and clip length in seconds, one feature row per clip of its
 * grid and the object detections of its frames. The constructor checks everything and names the
 * offending field with the REST API's JSON names ({@code clip_length}, {@code features[3]}, ...).
 */
public record NewVideo(String id, double duration, double clipLength, float[][] features,
                       List<FrameDetections> detections) {

    /** Ids double as file names in the corpus store, so they are restricted to a safe alphabet. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public NewVideo {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException("id", "must match " + ID.pattern());
        }
        if (!(duration > 0) || Double.isInfinite(duration)) {
            throw new InvalidInputException("duration", "must be a finite number > 0");
        }
        if (!(clipLength > 0) || Double.isInfinite(clipLength)) {
            throw new InvalidInputException("clip_length", "must be a finite number > 0");
        }
        int clips = new ClipGrid(duration, clipLength).size();
        checkFeatures(features, clips, duration, clipLength);
        features = Arrays.stream(features).map(float[]::clone).toArray(float[][]::new);
        detections = List.copyOf(detections == null ? List.of() : detections);
        for (int i = 0; i < detections.size(); i++) {
            double t = detections.get(i).t();
            if (!(t >= 0 && t <= duration)) {
                throw new InvalidInputException("detections[" + i + "].t", "must lie in [0, duration], got " + t);
            }
        }
    }

    private static void checkFeatures(float[][] features, int clips, double duration, double clipLength) {
        if (features == null || features.length != clips) {
            throw new InvalidInputException("features", "expected " + clips + " rows (one per "
                    + clipLength + " s clip of a " + duration + " s video), got "
                    + (features == null ? 0 : features.length));
        }
        int dim = features[0] == null ? 0 : features[0].length;
        if (dim == 0) {
            throw new InvalidInputException("features[0]", "must not be empty");
        }
        for (int r = 0; r < features.length; r++) {
            if (features[r] == null || features[r].length != dim) {
                throw new InvalidInputException("features[" + r + "]", "expected " + dim + " values like row 0");
            }
            for (float v : features[r]) {
                if (!Float.isFinite(v)) {
                    throw new InvalidInputException("features[" + r + "]", "values must be finite numbers");
                }
            }
        }
    }

    public int clips() {
        return features.length;
    }

    public int featureDim() {
        return features[0].length;
    }

    /** A defensive copy: records expose arrays as they are. */
    @Override
    public float[][] features() {
        return Arrays.stream(features).map(float[]::clone).toArray(float[][]::new);
    }

    public VideoInfo info() {
        return new VideoInfo(id, duration, clipLength, clips(), featureDim(), detections.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewVideo v && id.equals(v.id) && duration == v.duration
                && clipLength == v.clipLength && Arrays.deepEquals(features, v.features)
                && detections.equals(v.detections);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.deepHashCode(features);
    }

    @Override
    public String toString() {
        return "NewVideo[id=" + id + ", duration=" + duration + ", clipLength=" + clipLength
                + ", features=" + clips() + "x" + featureDim() + ", detections=" + detections.size() + "]";
    }
}
