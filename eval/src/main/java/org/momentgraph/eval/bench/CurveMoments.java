package org.momentgraph.eval.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.boundary.BoundaryDecoder;
import org.momentgraph.encoders.boundary.ClipSpan;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.IndexedVideo;
import org.momentgraph.encoders.index.SearchHit;
import org.momentgraph.encoders.index.SimilarityCurves;

/**
 * The moment stage of corpus moment retrieval, as the benchmark times it: for the top videos of
 * video retrieval, the query-clip similarity curve from the memory-mapped clip vectors, decoded
 * into spans by the {@link BoundaryDecoder} (the curve, sharpened, serves as start and end logits:
 * the same O(clips x maxLength) work as decoding the model's boundary logits), and the spans of all
 * videos ranked together by video score times span score.
 */
final class CurveMoments {

    private final CorpusIndex index;
    private final SimilarityCurves curves;
    private final BoundaryDecoder decoder;
    private final int topVideos;
    private final float sharpness;

    CurveMoments(CorpusIndex index, int topVideos, BoundaryDecoder decoder, float sharpness) {
        this.index = index;
        this.curves = new SimilarityCurves(index);
        this.decoder = decoder;
        this.topVideos = topVideos;
        this.sharpness = sharpness;
    }

    /** The best {@code k} moments over the first {@code topVideos} hits, best first. */
    List<Moment> localize(float[] query, List<SearchHit> hits, int k) {
        List<Moment> moments = new ArrayList<>();
        int n = Math.min(topVideos, hits.size());
        for (int i = 0; i < n; i++) {
            SearchHit hit = hits.get(i);
            float[] logits = curves.curve(query, hit.ordinal());
            for (int c = 0; c < logits.length; c++) {
                logits[c] *= sharpness;
            }
            IndexedVideo video = index.video(hit.ordinal());
            double videoScore = Math.exp(hit.score()); // positive and monotone in the dot product
            for (ClipSpan span : decoder.decode(logits, logits, logits.length)) {
                Moment m = span.toMoment(video.id(), video.video().grid());
                moments.add(new Moment(m.videoId(), m.start(), m.end(), videoScore * span.score()));
            }
        }
        moments.sort(Comparator.comparingDouble(Moment::score).reversed());
        return moments.size() > k ? moments.subList(0, k) : moments;
    }
}
