package org.momentgraph.eval.experiments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.pipeline.ClipEvidence;
import org.momentgraph.encoders.pipeline.EvidenceMatch;
import org.momentgraph.eval.filter.ClipScorer;
import org.momentgraph.eval.filter.FilterCorpus;
import org.momentgraph.graph.mp.EncodedClip;
import org.momentgraph.graph.mp.EncodedQuery;
import org.momentgraph.graph.mp.GraphFilterModel;
import org.momentgraph.graph.mp.GraphMatch;
import org.momentgraph.graph.mp.GraphPairEncoder;
import org.momentgraph.graph.mp.MatchExplainer;
import org.momentgraph.graph.query.QueryParser;

/**
 * The graph message-passing clip filter as {@link ClipEvidence}: the query sentence is parsed into its
 * graph and matched against each candidate clip's relation graph, by the trained
 * {@link GraphFilterModel} (raw scores squashed with a sigmoid into [0, 1]) or, without a model, by
 * object presence (already in [0, 1]). Explanations are the network's (or presence's) {@link GraphMatch}es
 * of the span's best clip. Scores are cached per query and video (bounded), so repeated searches of a
 * query cost the network once. Not thread-safe (the model is not); one per pipeline or per sequence of
 * pipelines.
 */
public final class GraphFilterEvidence implements ClipEvidence {

    private static final int QUERY_CACHE = 1024;
    /**
     * Clip scores kept (floats, 64 MB): tuning the evidence weight searches the same queries once per
     * candidate weight, and the network is the costly part; least recently asked queries go first.
     */
    private static final long SCORE_BUDGET = 16_000_000;

    private final Map<String, FilterCorpus.VideoEntry> videos;
    private final GraphPairEncoder encoder;
    private final QueryParser parser;
    private final GraphFilterModel model;
    private final ClipScorer scorer;
    private final LinkedHashMap<String, Map<String, float[]>> scores = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedScores;
    /** Parsed and encoded queries: one search asks for the same query's evidence several times (VR, VCMR). */
    private final Map<String, FilterCorpus.QueryEntry> queries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FilterCorpus.QueryEntry> eldest) {
            return size() > QUERY_CACHE;
        }
    };

    /** @param model the trained filter, or null for the presence baseline */
    public GraphFilterEvidence(Map<String, FilterCorpus.VideoEntry> videos, GraphPairEncoder encoder, QueryParser parser,
            GraphFilterModel model) {
        this.videos = videos;
        this.encoder = encoder;
        this.parser = parser;
        this.model = model;
        this.scorer = model == null ? ClipScorer.presence() : ClipScorer.network(model);
    }

    @Override
    public List<float[]> clipScores(String query, List<Video> candidates) {
        Map<String, float[]> known = scores.computeIfAbsent(query, q -> new HashMap<>());
        List<FilterCorpus.VideoEntry> missing = new ArrayList<>();
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (Video v : candidates) {
            FilterCorpus.VideoEntry e = videos.get(v.id());
            if (e == null) {
                throw new IllegalArgumentException("the graph filter has no clips of video '" + v.id() + "'");
            }
            if (!known.containsKey(v.id()) && asked.add(v.id())) {
                missing.add(e);
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> found = scorer.scores(entry(query), missing);
            for (int i = 0; i < missing.size(); i++) {
                float[] s = found.get(i);
                if (model != null) {
                    for (int c = 0; c < s.length; c++) {
                        s[c] = (float) (1 / (1 + Math.exp(-s[c])));
                    }
                }
                known.put(missing.get(i).video().id(), s);
                cachedScores += s.length;
            }
            evict(query);
        }
        List<float[]> out = new ArrayList<>(candidates.size());
        for (Video v : candidates) {
            out.add(known.get(v.id()).clone());
        }
        return out;
    }

    /** Drops the least recently asked queries' scores while over budget, never {@code current}'s. */
    private void evict(String current) {
        var it = scores.entrySet().iterator();
        while (cachedScores > SCORE_BUDGET && it.hasNext()) {
            Map.Entry<String, Map<String, float[]>> eldest = it.next();
            if (!eldest.getKey().equals(current)) {
                cachedScores -= eldest.getValue().values().stream().mapToLong(a -> a.length).sum();
                it.remove();
            }
        }
    }

    @Override
    public List<EvidenceMatch> explain(String query, String videoId, int firstClip, int lastClip) {
        FilterCorpus.VideoEntry video = videos.get(videoId);
        if (video == null || video.clips().isEmpty()) {
            return List.of();
        }
        FilterCorpus.QueryEntry entry = entry(query);
        float[] clips = clipScores(query, List.of(video.video())).get(0);
        int best = Math.min(firstClip, clips.length - 1);
        for (int c = firstClip; c <= Math.min(lastClip, clips.length - 1); c++) {
            best = clips[c] > clips[best] ? c : best;
        }
        EncodedQuery q = entry.encoded();
        EncodedClip clip = video.clips().get(best);
        List<GraphMatch> matches = model == null ? MatchExplainer.presence(q, clip) : model.explain(q, clip);
        return matches.stream().map(m -> new EvidenceMatch(m.queryNode(), m.videoNode(), m.relation(), m.relationTarget(),
                m.score())).toList();
    }

    private FilterCorpus.QueryEntry entry(String query) {
        return queries.computeIfAbsent(query,
                q -> new FilterCorpus.QueryEntry(null, encoder.query(parser.parse(q)), new TreeSet<>()));
    }
}
