package org.momentgraph.eval.bench;

import java.util.List;
import org.momentgraph.encoders.boundary.BoundaryDecoder;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.text.MiniLmTextEncoder;

/**
 * The stand-in stack: MiniLM sentence embedding, a fixed random linear head to the index dimension
 * ({@link QueryProjection}), and the raw query-clip similarity curves decoded as boundary logits
 * ({@link CurveMoments}). No DJL model: a lower bound of the model stack's cost, kept for comparison.
 */
final class StandinStack implements VcmrStack {

    private final MiniLmTextEncoder text;
    private final List<String> texts;
    private final List<float[][]> random;
    private final QueryProjection head;
    private final int topVideos;
    private final int maxMomentClips;

    /** {@code text} null: {@code random} holds the features of every query. */
    StandinStack(MiniLmTextEncoder text, List<String> texts, List<float[][]> random, int dim, int topVideos,
            int maxMomentClips, long seed) {
        this.text = text;
        this.texts = texts;
        this.random = random;
        this.head = new QueryProjection(MiniLmTextEncoder.DIM, dim, seed);
        this.topVideos = topVideos;
        this.maxMomentClips = maxMomentClips;
    }

    @Override
    public float[][] textFeatures(int q) {
        return text == null ? random.get(q) : new float[][] {text.embed(texts.get(q))};
    }

    @Override
    public float[] queryVector(float[][] features) {
        return head.apply(features[0]);
    }

    @Override
    public float[] searchVector(float[] queryVector) {
        return queryVector;
    }

    @Override
    public Localizer localizer(CorpusIndex index) {
        return new CurveMoments(index, topVideos, new BoundaryDecoder(maxMomentClips, 5, 0.5), 10f)::localize;
    }

    @Override
    public String describe() {
        return "stand-in stack: MiniLM sentence embedding + random linear head, similarity curves as boundary logits";
    }

    @Override
    public void close() {
        // the text encoder belongs to the benchmark
    }
}
