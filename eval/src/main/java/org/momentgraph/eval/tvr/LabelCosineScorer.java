package org.momentgraph.eval.tvr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.momentgraph.encoders.data.ClipLabelBags;
import org.momentgraph.encoders.data.DetectionObjectStream;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.text.Vectors;

/**
 * Cosine of a query's MiniLM sentence embedding with the box labels of each corpus clip (VR) and of
 * each 1.5 s grid clip (SVMR), the labels turned into one vector per {@link BagText}. Grid clips with
 * no annotated frame have no labels and score 0. All vectors are computed once, in the constructor.
 */
public final class LabelCosineScorer {

    private final MiniLmTextEncoder encoder;
    private final List<String> corpus;
    private final float[][] videoVectors;
    private final Map<String, float[][]> clipVectors = new LinkedHashMap<>();

    public LabelCosineScorer(TvrTvqaPlusDataset data, MiniLmTextEncoder encoder, LabelEmbeddings labels, BagText mode) {
        this.encoder = encoder;
        this.corpus = data.corpus();
        this.videoVectors = new float[corpus.size()][];
        if (mode == BagText.JOINED) {
            joined(data);
        } else {
            mean(data, labels);
        }
    }

    private void joined(TvrTvqaPlusDataset data) {
        List<String> texts = new ArrayList<>();
        for (String video : corpus) {
            List<SortedMap<String, Integer>> bags = data.labelBags(video);
            texts.add(ClipLabelBags.joinedText(ClipLabelBags.union(bags)));
            for (SortedMap<String, Integer> bag : bags) {
                if (!bag.isEmpty()) {
                    texts.add(ClipLabelBags.joinedText(bag));
                }
            }
        }
        float[][] embedded = encoder.embedAll(texts);
        int next = 0;
        for (int v = 0; v < corpus.size(); v++) {
            List<SortedMap<String, Integer>> bags = data.labelBags(corpus.get(v));
            videoVectors[v] = embedded[next++];
            float[][] clips = new float[bags.size()][];
            for (int c = 0; c < bags.size(); c++) {
                clips[c] = bags.get(c).isEmpty() ? null : embedded[next++];
            }
            clipVectors.put(corpus.get(v), clips);
        }
    }

    private void mean(TvrTvqaPlusDataset data, LabelEmbeddings labels) {
        labels.applyAll(data.normalizedLabels()); // one batched run instead of one per label
        DetectionObjectStream stream = data.objectStream(labels);
        int dim = stream.embeddingDim();
        for (int v = 0; v < corpus.size(); v++) {
            String video = corpus.get(v);
            SortedMap<String, Integer> all = ClipLabelBags.union(data.labelBags(video));
            double[] sum = new double[dim];
            all.forEach((label, frames) -> {
                float[] e = labels.apply(label);
                for (int k = 0; k < dim; k++) {
                    sum[k] += frames * (double) e[k];
                }
            });
            float[] vector = new float[dim];
            for (int k = 0; k < dim; k++) {
                vector[k] = (float) sum[k];
            }
            videoVectors[v] = Vectors.normalizeInPlace(vector);
            float[][] rows = stream.clips(video);
            boolean[] annotated = stream.annotated(video);
            float[][] clips = new float[rows.length][];
            for (int c = 0; c < rows.length; c++) {
                clips[c] = annotated[c] ? Arrays.copyOf(rows[c], dim) : null;
            }
            clipVectors.put(video, clips);
        }
    }

    /** Query sentence embeddings, batched; row i belongs to {@code texts.get(i)}. */
    public float[][] embedQueries(List<String> texts) {
        return encoder.embedAll(texts);
    }

    /** The corpus order of {@link #videoScores}. */
    public List<String> corpus() {
        return corpus;
    }

    /** Cosine with each corpus clip's label bag, in {@link #corpus()} order. */
    public double[] videoScores(float[] query) {
        double[] scores = new double[corpus.size()];
        for (int v = 0; v < scores.length; v++) {
            scores[v] = Vectors.cosine(query, videoVectors[v]);
        }
        return scores;
    }

    /** Cosine with each grid clip's label bag of {@code video}; 0 for clips without annotated frames. */
    public double[] clipScores(float[] query, String video) {
        float[][] clips = clipVectors.get(video);
        if (clips == null) {
            throw new IllegalArgumentException("no clip '" + video + "' in the corpus");
        }
        double[] scores = new double[clips.length];
        for (int c = 0; c < clips.length; c++) {
            scores[c] = clips[c] == null ? 0 : Vectors.cosine(query, clips[c]);
        }
        return scores;
    }

    /** Corpus indices sorted by descending score (ties: corpus order). */
    static Integer[] order(double[] scores) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        return idx;
    }
}
