package org.momentgraph.encoders.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.text.Vectors;

/**
 * Clip evidence from the object labels seen in each clip: the cosine between the query's sentence
 * embedding and the clip's label bag (the unit-length sum of its distinct labels' embeddings), floored
 * at 0. Needs no training (TVR's zero-shot label cosine as a clip filter); explanations list the
 * span's labels by their cosine with the query. Clips without labels score 0.
 */
public final class LabelBagEvidence implements ClipEvidence {

    private final Map<String, List<SortedMap<String, Integer>>> bags;
    private final Map<String, float[][]> clipVectors = new HashMap<>();
    private final Function<String, float[]> sentences;
    private final Function<String, float[]> labels;
    private String lastQuery;
    private float[] lastEmbedding;

    /**
     * @param bags per video, per grid clip, label to count
     * @param sentenceEmbedder the query's sentence embedding (e.g. MiniLM's {@code embed})
     * @param labelEmbedder a label's embedding in the same space (e.g. {@code LabelEmbeddings})
     */
    public LabelBagEvidence(Map<String, List<SortedMap<String, Integer>>> bags, Function<String, float[]> sentenceEmbedder,
            Function<String, float[]> labelEmbedder) {
        this.bags = Map.copyOf(bags);
        this.sentences = sentenceEmbedder;
        this.labels = labelEmbedder;
    }

    @Override
    public synchronized List<float[]> clipScores(String query, List<Video> videos) {
        float[] q = embed(query);
        List<float[]> out = new ArrayList<>(videos.size());
        for (Video v : videos) {
            float[][] clips = clipVectors.computeIfAbsent(v.id(), this::vectors);
            float[] scores = new float[clips.length];
            for (int c = 0; c < clips.length; c++) {
                scores[c] = clips[c] == null ? 0f : (float) Math.max(0, Vectors.cosine(q, clips[c]));
            }
            out.add(scores);
        }
        return out;
    }

    @Override
    public synchronized List<EvidenceMatch> explain(String query, String videoId, int firstClip, int lastClip) {
        List<SortedMap<String, Integer>> video = bags.getOrDefault(videoId, List.of());
        TreeSet<String> seen = new TreeSet<>();
        for (int c = firstClip; c <= Math.min(lastClip, video.size() - 1); c++) {
            seen.addAll(video.get(c).keySet());
        }
        float[] q = embed(query);
        List<EvidenceMatch> out = new ArrayList<>();
        for (String label : seen) {
            out.add(new EvidenceMatch(query, label, null, null, Vectors.cosine(q, labels.apply(label))));
        }
        out.sort(Comparator.comparingDouble(EvidenceMatch::score).reversed());
        return out.subList(0, Math.min(5, out.size()));
    }

    private float[] embed(String query) {
        if (!query.equals(lastQuery)) {
            lastEmbedding = sentences.apply(query);
            lastQuery = query;
        }
        return lastEmbedding;
    }

    private float[][] vectors(String videoId) {
        List<SortedMap<String, Integer>> video = bags.getOrDefault(videoId, List.of());
        float[][] out = new float[video.size()][];
        for (int c = 0; c < video.size(); c++) {
            if (video.get(c).isEmpty()) {
                continue;
            }
            float[] sum = null;
            for (String label : video.get(c).keySet()) {
                float[] e = labels.apply(label);
                if (sum == null) {
                    sum = new float[e.length];
                }
                for (int i = 0; i < e.length; i++) {
                    sum[i] += e[i];
                }
            }
            out[c] = Vectors.normalizeInPlace(sum);
        }
        return out;
    }
}
