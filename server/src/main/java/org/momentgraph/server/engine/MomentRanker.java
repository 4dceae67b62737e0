package org.momentgraph.server.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.encoders.inference.LoadedRetriever;

/**
 * Ranks moments with a retriever over encoded videos. VCMR scores every video with the model's
 * video score (VR), localises the best {@link #videosFor} of them with the boundary detector, and
 * ranks (video, span) pairs by {@code P(video) x P(start) x P(end)}, P(video) a softmax over the
 * localised videos' scores at the training temperature (as the train run's VCMR evaluation does).
 * SVMR decodes one video: {@code P(start) x P(end)}.
 */
final class MomentRanker {

    /** A moment and the video score that ranked its video. */
    record Ranked(Moment moment, double videoScore) {
    }

    private static final int MIN_VIDEOS = 10;
    private static final int MIN_SPANS = 10;

    private final double temperature;

    MomentRanker(double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("video temperature must be > 0, got " + temperature);
        }
        this.temperature = temperature;
    }

    /** Videos localised for a top-{@code k} VCMR answer. */
    static int videosFor(int k, int corpus) {
        return Math.min(corpus, Math.max(MIN_VIDEOS, (k + MIN_SPANS - 1) / MIN_SPANS * 2));
    }

    List<Ranked> search(LoadedRetriever retriever, float[] query, List<EncodedVideo> corpus, int k) {
        if (corpus.isEmpty()) {
            return List.of();
        }
        float[] scores = retriever.videoScores(new float[][] {query}, corpus)[0];
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        int top = videosFor(k, corpus.size());
        List<EncodedVideo> videos = new ArrayList<>(top);
        for (int i = 0; i < top; i++) {
            videos.add(corpus.get(order[i]));
        }
        List<float[][]> logits = retriever.boundaryLogits(Collections.nCopies(top, query), videos);
        double max = scores[order[0]];
        double norm = 0;
        for (int i = 0; i < top; i++) {
            norm += Math.exp((scores[order[i]] - max) / temperature);
        }
        List<Ranked> out = new ArrayList<>();
        int spans = Math.max(MIN_SPANS, k);
        for (int i = 0; i < top; i++) {
            double videoScore = scores[order[i]];
            double pVideo = Math.exp((videoScore - max) / temperature) / norm;
            for (Moment m : retriever.decode(videos.get(i), logits.get(i), spans)) {
                out.add(new Ranked(new Moment(m.videoId(), m.start(), m.end(), pVideo * m.score()), videoScore));
            }
        }
        out.sort(Comparator.comparingDouble((Ranked r) -> r.moment().score()).reversed());
        return List.copyOf(out.subList(0, Math.min(k, out.size())));
    }

    List<Ranked> localize(LoadedRetriever retriever, float[] query, EncodedVideo video, int k) {
        double videoScore = retriever.videoScore(query, video);
        return retriever.localize(query, video, k).stream().map(m -> new Ranked(m, videoScore)).toList();
    }
}
