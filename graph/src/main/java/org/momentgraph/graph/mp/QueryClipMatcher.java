package org.momentgraph.graph.mp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.graph.export.GraphView;
import org.momentgraph.graph.query.QueryGraph;
import org.momentgraph.graph.video.VideoGraph;

/**
 * Matches a query against a video's clips and builds the matched multimodal graph of one clip
 * (the given one, or the best-scoring one): with a trained filter model when there is one, else
 * with presence matching (labels and relation existence), which the graph's attributes then say.
 */
public final class QueryClipMatcher {

    /** The chosen clip, its score, the evidence and the exportable graph. */
    public record Result(int clip, double score, List<GraphMatch> matches,
            GraphView<MatchedGraph.Node, MatchedGraph.Edge> view) {
    }

    private QueryClipMatcher() {
    }

    /**
     * @param model a trained filter whose config fits {@code encoder}, or null for presence matching
     * @param clip  the clip to explain, or null for the best-scoring clip
     */
    public static Result match(GraphPairEncoder encoder, VideoGraph video, QueryGraph query, GraphFilterModel model,
            Integer clip) {
        List<EncodedClip> clips = encoder.clips(video);
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("video " + video.video().id() + " has no clips");
        }
        if (clip != null && (clip < 0 || clip >= clips.size())) {
            throw new IllegalArgumentException("clip " + clip + " is outside 0.." + (clips.size() - 1));
        }
        EncodedQuery q = encoder.query(query);
        float[] scores;
        if (model != null) {
            GraphBatch batch = new GraphBatch(model.config());
            clips.forEach(c -> batch.add(q.with(c)));
            scores = model.score(batch);
        } else {
            scores = PresenceScorer.scores(q, clips);
        }
        int chosen = clip != null ? clip : argmax(scores);
        EncodedClip c = clips.get(chosen);
        List<GraphMatch> matches = model != null ? model.explain(q, c) : MatchExplainer.presence(q, c);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("video", video.video().id());
        attributes.put("scorer", model != null ? "graph-network"
                : "presence (no model given: label presence and relation existence, untrained)");
        attributes.put("clip_score", (double) scores[chosen]);
        attributes.put("clip_start", video.video().grid().clipStart(chosen));
        attributes.put("clip_end", video.video().grid().clipEnd(chosen));
        return new Result(chosen, scores[chosen], matches, MatchedGraph.view(q, c, matches, attributes));
    }

    private static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }
}
