package org.momentgraph.server.engine;

import java.util.List;
import java.util.function.Function;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.GraphStreamBuilder;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.server.InvalidInputException;

/**
 * The model's input streams of a stored video, built as training built them: visual features
 * fitted to the clip grid, the graph stream from the detections ({@link GraphStreamBuilder} over
 * MiniLM label embeddings), and, since served videos come without dialogue, an all-zero subtitle
 * stream (what training gives clips without dialogue). Thread-safe.
 */
public final class VideoStreamAssembler {

    private final ModelConfig config;
    private final GraphStreamBuilder graphs;

    public VideoStreamAssembler(ModelConfig config, Function<String, float[]> labelEmbedder) {
        this.config = config;
        this.graphs = config.graphDim() > 0 ? new GraphStreamBuilder(labelEmbedder) : null;
        if (graphs != null && graphs.dim() != config.graphDim()) {
            throw new IllegalArgumentException("the model's graph stream is " + config.graphDim()
                    + " wide, the graph stream builder makes " + graphs.dim() + ": model and code versions differ");
        }
    }

    /** Checks that a video's features fit the model before anything is stored. */
    public void check(float[][] features) {
        if (features[0].length != config.visualDim()) {
            throw new InvalidInputException("features[0]", "the model expects " + config.visualDim()
                    + " feature values per clip, got " + features[0].length);
        }
    }

    public VideoStreams streams(Video video, float[][] features, List<FrameDetections> detections) {
        check(features);
        int clips = video.grid().size();
        float[][] visual = VideoStreams.fit(features, clips);
        float[][] subtitle = config.subtitleDim() > 0 ? new float[clips][config.subtitleDim()] : null;
        float[][] graph = graphs != null ? graphs.clips(video, detections) : null;
        return new VideoStreams(video, visual, subtitle, graph);
    }
}
