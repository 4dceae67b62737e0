package org.momentgraph.encoders.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.model.Stream;

/**
 * The per-clip input features of one video, one row per clip of its grid: visual always, subtitle
 * (MiniLM sentence embedding of the clip's dialogue) and graph/object features when present.
 *
 * @param video the video (its grid defines the clips)
 * @param visual {@code [L][Dv]}
 * @param subtitle {@code [L][Ds]} or null
 * @param graph {@code [L][Dg]} or null
 */
public record VideoStreams(Video video, float[][] visual, float[][] subtitle, float[][] graph) {

    public VideoStreams {
        if (video == null || visual == null || visual.length == 0) {
            throw new IllegalArgumentException("a video needs visual features for at least one clip");
        }
        requireRows("subtitle", subtitle, visual.length, video);
        requireRows("graph", graph, visual.length, video);
    }

    public String id() {
        return video.id();
    }

    /** Clips L. */
    public int length() {
        return visual.length;
    }

    /** The rows of a stream; null when the video lacks it. */
    public float[][] stream(Stream stream) {
        return switch (stream) {
            case VISUAL -> visual;
            case SUBTITLE -> subtitle;
            case GRAPH -> graph;
        };
    }

    /** Width of a stream's rows, 0 when absent. */
    public int dim(Stream stream) {
        float[][] rows = stream(stream);
        return rows == null ? 0 : rows[0].length;
    }

    /** The rows of each of {@code streams}, failing clearly when one is missing. */
    public List<float[][]> streams(List<Stream> streams) {
        List<float[][]> out = new ArrayList<>(streams.size());
        for (Stream s : streams) {
            float[][] rows = stream(s);
            if (rows == null) {
                throw new IllegalArgumentException("video " + id() + " has no " + s + " stream, the model needs "
                        + streams);
            }
            out.add(rows);
        }
        return out;
    }

    /** Clips {@code [from, to)} as their own streams (rows shared, not copied). */
    public VideoStreams window(int from, int to) {
        if (from < 0 || to > length() || from >= to) {
            throw new IllegalArgumentException("bad clip window [" + from + ", " + to + ") of " + length());
        }
        if (from == 0 && to == length()) {
            return this;
        }
        return new VideoStreams(video, Arrays.copyOfRange(visual, from, to), slice(subtitle, from, to),
                slice(graph, from, to));
    }

    /** Rows fitted to {@code clips}: cut, or padded by repeating the last row (feature files can be one clip off). */
    public static float[][] fit(float[][] rows, int clips) {
        if (rows.length == clips) {
            return rows;
        }
        float[][] out = Arrays.copyOf(rows, clips);
        for (int i = rows.length; i < clips; i++) {
            out[i] = rows[rows.length - 1];
        }
        return out;
    }

    private static float[][] slice(float[][] rows, int from, int to) {
        return rows == null ? null : Arrays.copyOfRange(rows, from, to);
    }

    private static void requireRows(String name, float[][] rows, int clips, Video video) {
        if (rows != null && rows.length != clips) {
            throw new IllegalArgumentException("video " + video.id() + ": " + name + " stream has " + rows.length
                    + " rows, visual has " + clips);
        }
    }
}
