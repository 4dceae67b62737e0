package org.momentgraph.encoders.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.ClipLabelBags;
import org.momentgraph.encoders.text.Vectors;

/**
 * Video evidence from the object labels seen anywhere in a video: the cosine between the query's
 * sentence embedding and the embedding of one text, the video's distinct labels joined most frequent
 * first ({@link ClipLabelBags#joinedText}). This is TVR's zero-shot "joined" label cosine; it needs no
 * training. Why beside the graph filter: the filter scores a clip's relations, this scores which
 * objects and people a video shows at all, and on TVR the two rank different videos well. Video texts
 * are embedded in one batch the first time their videos are asked for; videos without labels (or
 * unknown ones) score 0.
 */
public final class LabelTextEvidence implements VideoEvidence {

    private final Map<String, String> texts = new HashMap<>();
    private final Function<List<String>, float[][]> embedder;
    private final Map<String, float[]> vectors = new HashMap<>();
    private String lastQuery;
    private float[] lastEmbedding;

    /**
     * @param bags per video, per grid clip, label to frames showing it
     * @param sentenceEmbedder sentence embeddings of a batch of texts (e.g. MiniLM's {@code embedAll}),
     *     row i for text i
     */
    public LabelTextEvidence(Map<String, List<SortedMap<String, Integer>>> bags,
            Function<List<String>, float[][]> sentenceEmbedder) {
        bags.forEach((video, clips) -> texts.put(video, ClipLabelBags.joinedText(ClipLabelBags.union(clips))));
        this.embedder = sentenceEmbedder;
    }

    @Override
    public synchronized double[] videoScores(String query, List<Video> videos) {
        embedMissing(videos);
        if (!query.equals(lastQuery)) {
            lastEmbedding = embedder.apply(List.of(query))[0];
            lastQuery = query;
        }
        double[] scores = new double[videos.size()];
        for (int i = 0; i < scores.length; i++) {
            float[] v = vectors.get(videos.get(i).id());
            scores[i] = v == null ? 0 : Vectors.cosine(lastEmbedding, v);
        }
        return scores;
    }

    private void embedMissing(List<Video> videos) {
        Set<String> missing = new LinkedHashSet<>();
        for (Video v : videos) {
            String text = texts.get(v.id());
            if (text != null && !text.isEmpty() && !vectors.containsKey(v.id())) {
                missing.add(v.id());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(missing);
        float[][] embedded = embedder.apply(ids.stream().map(texts::get).toList());
        for (int i = 0; i < ids.size(); i++) {
            vectors.put(ids.get(i), embedded[i]);
        }
    }
}
