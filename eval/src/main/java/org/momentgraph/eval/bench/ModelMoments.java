package org.momentgraph.eval.bench;

import org.momentgraph.encoders.pipeline.Scores;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.IndexedVideo;
import org.momentgraph.encoders.index.SearchHit;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.encoders.inference.LoadedRetriever;

/**
 * The model's moment stage over a corpus index, as {@code MomentSearchPipeline.vcmr} runs it: the
 * clip states of the top videos read from the memory-mapped index, ConvSE start/end logits for every
 * (query, video) pair in one batched pass, each video decoded into its best spans, and all spans
 * ranked by {@code softmax_N(vr / tau) * P(start) * P(end)}.
 */
final class ModelMoments {

    private final CorpusIndex index;
    private final LoadedRetriever retriever;
    private final int topVideos;
    private final int momentsPerVideo;
    private final double temperature;

    ModelMoments(CorpusIndex index, LoadedRetriever retriever, int topVideos, int momentsPerVideo, double temperature) {
        int width = retriever.config().streamCount() * retriever.config().hiddenSize();
        if (index.dim() != width) {
            throw new IllegalArgumentException("index " + index.directory() + " holds " + index.dim()
                    + "-dimensional clip vectors; the model's clip states have " + width);
        }
        this.index = index;
        this.retriever = retriever;
        this.topVideos = topVideos;
        this.momentsPerVideo = momentsPerVideo;
        this.temperature = temperature;
    }

    /** The best {@code k} moments over the first {@code topVideos} hits, best first. */
    List<Moment> localize(float[] query, List<SearchHit> hits, int k) {
        int n = Math.min(topVideos, hits.size());
        int streams = retriever.config().streamCount();
        int hidden = retriever.config().hiddenSize();
        List<EncodedVideo> videos = new ArrayList<>(n);
        List<float[]> queries = new ArrayList<>(n);
        double[] vr = new double[n];
        for (int i = 0; i < n; i++) {
            int ordinal = hits.get(i).ordinal();
            IndexedVideo video = index.video(ordinal);
            videos.add(EncodedVideo.fromVectors(video.video(), streams, hidden, index.videoVector(ordinal),
                    index.clipVectors(ordinal)));
            queries.add(query);
            vr[i] = hits.get(i).score();
        }
        double[] probability = Scores.softmax(vr, temperature);
        List<float[][]> logits = retriever.boundaryLogits(queries, videos);
        List<Moment> moments = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (Moment m : retriever.decode(videos.get(i), logits.get(i), momentsPerVideo)) {
                moments.add(new Moment(m.videoId(), m.start(), m.end(), probability[i] * m.score()));
            }
        }
        moments.sort(Comparator.comparingDouble(Moment::score).reversed());
        return moments.size() > k ? moments.subList(0, k) : moments;
    }
}
