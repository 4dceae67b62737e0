package org.momentgraph.encoders.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Query-clip similarity curves for the boundary detector: for a query vector and a candidate video,
 * the dot product of the query with each of the video's clip vectors, read straight from the
 * memory-mapped clip file (only the candidates' rows are touched; nothing else is copied).
 *
 * <pre>{@code
 * List<SearchHit> top = search.search(q, 100);
 * List<SimilarityCurves.Curve> curves = new SimilarityCurves(index).forHits(q, top.subList(0, 10));
 * }</pre>
 */
public final class SimilarityCurves {

    /** One video's curve: {@code similarity[c]} is the query's dot product with clip c. */
    public record Curve(int ordinal, String videoId, float[] similarity) {
    }

    private final CorpusIndex index;

    public SimilarityCurves(CorpusIndex index) {
        this.index = index;
    }

    /** The curve of one video, of length equal to its number of clips. */
    public float[] curve(float[] query, int ordinal) {
        float[] out = new float[index.video(ordinal).clips()];
        index.clipDots(ordinal, query, out);
        return out;
    }

    /** Curves for the given videos, in their order. */
    public List<Curve> forOrdinals(float[] query, int[] ordinals) {
        List<Curve> curves = new ArrayList<>(ordinals.length);
        for (int ord : ordinals) {
            curves.add(new Curve(ord, index.video(ord).id(), curve(query, ord)));
        }
        return curves;
    }

    /** Curves for retrieved videos (typically the top N of a {@link VideoSearch}), in rank order. */
    public List<Curve> forHits(float[] query, List<SearchHit> hits) {
        return forOrdinals(query, hits.stream().mapToInt(SearchHit::ordinal).toArray());
    }

    /**
     * Curves of several query vectors (e.g. a model's per-query pooled vectors) against one video,
     * {@code [queries, clips]}; each clip row is read once.
     */
    public float[][] curves(float[][] queries, int ordinal) {
        int clips = index.video(ordinal).clips();
        float[][] out = new float[queries.length][clips];
        float[][] rows = index.clipVectors(ordinal);
        for (int q = 0; q < queries.length; q++) {
            if (queries[q].length != index.dim()) {
                throw new IllegalArgumentException("query " + q + " has dimension " + queries[q].length + ", index has " + index.dim());
            }
            for (int c = 0; c < clips; c++) {
                out[q][c] = ExactSearch.dot(rows[c], 0, queries[q], index.dim());
            }
        }
        return out;
    }
}
