package org.momentgraph.encoders.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.model.PositionEncoding;
import org.momentgraph.encoders.modeldir.TrainInfo;

/**
 * A generated {@link TrainingSet} for fast trainer tests: each video has 2 moments whose clips carry
 * a topic direction in every stream; a query's tokens carry a projection of its moment's topic.
 * Videos are split 70/15/15 into train/val/test.
 */
public final class ToyCorpus {

    public static final int QUERY_DIM = 12;
    public static final int VISUAL = 16;
    public static final int SUBTITLE = 10;
    public static final int GRAPH = 6;
    private static final int TOPICS = 8;

    private ToyCorpus() {
    }

    public static TrainingSet generate(int videos, int minClips, int maxClips, long seed) {
        Random random = new Random(seed);
        float[][] topicVectors = gaussian(random, TOPICS * 4, TOPICS, 1f);
        float[][] queryProjection = gaussian(random, TOPICS, QUERY_DIM, 1f / (float) Math.sqrt(TOPICS));
        float[][][] streamProjections = {gaussian(random, TOPICS, VISUAL, 0.5f), gaussian(random, TOPICS, SUBTITLE, 0.5f),
            gaussian(random, TOPICS, GRAPH, 0.5f)};
        Map<String, List<MomentExample>> examples = new LinkedHashMap<>();
        Map<String, List<String>> splitVideos = new LinkedHashMap<>();
        for (String split : List.of("train", "val", "test")) {
            examples.put(split, new ArrayList<>());
            splitVideos.put(split, new ArrayList<>());
        }
        Map<String, VideoStreams> streams = new LinkedHashMap<>();
        for (int v = 0; v < videos; v++) {
            String id = String.format("toy%03d", v);
            String split = v % 20 < 14 ? "train" : v % 20 < 17 ? "val" : "test";
            int clips = minClips + random.nextInt(maxClips - minClips + 1);
            Video video = new Video(id, clips * 2.0, 2.0);
            float[][][] rows = new float[3][clips][];
            int[] dims = {VISUAL, SUBTITLE, GRAPH};
            for (int s = 0; s < 3; s++) {
                rows[s] = gaussian(random, clips, dims[s], 0.3f);
            }
            for (int m = 0; m < 2; m++) {
                int length = 1 + random.nextInt(Math.max(1, Math.min(6, clips / 4)));
                int start = m * clips / 2 + random.nextInt(Math.max(1, clips / 2 - length));
                float[] topic = topicVectors[random.nextInt(topicVectors.length)];
                for (int s = 0; s < 3; s++) {
                    float[] direction = times(topic, streamProjections[s]);
                    for (int c = start; c < start + length; c++) {
                        for (int d = 0; d < dims[s]; d++) {
                            rows[s][c][d] += direction[d];
                        }
                    }
                }
                int tokens = 3 + random.nextInt(4);
                float[][] query = gaussian(random, tokens, QUERY_DIM, 0.3f);
                float[] projected = times(topic, queryProjection);
                for (float[] token : query) {
                    for (int d = 0; d < QUERY_DIM; d++) {
                        token[d] += projected[d];
                    }
                }
                Query q = new Query(id + "_q" + m, "toy query " + id + " " + m, id, video.duration(),
                        List.of(new Span(start * 2.0, (start + length) * 2.0)), "v",
                        Map.of("difficulty", m == 0 ? "first" : "second"));
                examples.get(split).add(MomentExample.of(q, video.grid(), query));
            }
            streams.put(id, new VideoStreams(video, rows[0], rows[1], rows[2]));
            splitVideos.get(split).add(id);
        }
        return new TrainingSet("toy", examples, streams, splitVideos);
    }

    /** A small model over all three toy streams. */
    public static ModelConfig config() {
        return new ModelConfig(QUERY_DIM, VISUAL, SUBTITLE, GRAPH, 32, 1, 4, 64, 0.1f, PositionEncoding.SINUSOIDAL, 64,
                true, true, true, 0, 16, 3, false, false);
    }

    public static TrainInfo info(TrainingSet set, int maxClips) {
        return new TrainInfo("toy", set.name(), 7, 2, 0, List.of("visual", "subtitle", "graph"), 2.0, "toy", "toy",
                List.of(), 0, maxClips, set.longestMoment("train"));
    }

    private static float[][] gaussian(Random random, int rows, int cols, float scale) {
        float[][] out = new float[rows][cols];
        for (float[] row : out) {
            for (int c = 0; c < cols; c++) {
                row[c] = (float) random.nextGaussian() * scale;
            }
        }
        return out;
    }

    private static float[] times(float[] v, float[][] m) {
        float[] out = new float[m[0].length];
        for (int k = 0; k < v.length; k++) {
            for (int d = 0; d < out.length; d++) {
                out[d] += v[k] * m[k][d];
            }
        }
        return out;
    }
}
