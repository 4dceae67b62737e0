package org.momentgraph.server.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.graph.export.GraphView;
import org.momentgraph.graph.mp.EncodedClip;
import org.momentgraph.graph.mp.EncodedQuery;
import org.momentgraph.graph.mp.GraphBatch;
import org.momentgraph.graph.mp.GraphFilterModel;
import org.momentgraph.graph.mp.GraphMatch;
import org.momentgraph.graph.mp.GraphPairEncoder;
import org.momentgraph.graph.mp.MatchExplainer;
import org.momentgraph.graph.mp.PresenceScorer;
import org.momentgraph.graph.mp.QueryClipMatcher;
import org.momentgraph.graph.query.QueryGraph;
import org.momentgraph.graph.query.QueryParser;
import org.momentgraph.graph.track.Track;
import org.momentgraph.graph.video.ClipGraph;
import org.momentgraph.graph.video.VideoGraph;
import org.momentgraph.server.Explanation;
import org.momentgraph.server.UnknownVideoException;

/**
 * Why a moment matched: the query graph is matched against the relation graphs of the moment's
 * clips by the trained graph filter when the model folder has one, else by presence matching
 * (labels and relation existence); the best-scoring clip's evidence becomes the explanation.
 *
 * <p>Thread-safe: the filter network is not, so its calls are serialised; the pair encoder (its
 * cache is a plain map) is made per call over the shared, thread-safe label embeddings.
 */
final class MomentExplainer implements AutoCloseable {

    private final LabelEmbeddings labels;
    private final QueryParser parser;
    private final GraphFilterModel filter;
    private final Function<String, VideoGraph> graphs;
    private final Object filterLock = new Object();

    /** @param filter a trained clip filter, or null for presence matching; closed with this explainer */
    MomentExplainer(LabelEmbeddings labels, QueryParser parser, GraphFilterModel filter,
            Function<String, VideoGraph> graphs) {
        this.labels = labels;
        this.parser = parser;
        this.filter = filter;
        this.graphs = graphs;
    }

    String scorer() {
        return filter != null ? "graph-network" : "presence";
    }

    QueryGraph parse(String query) {
        return parser.parse(query);
    }

    /** One explanation per moment, in order. */
    List<Explanation> explain(String query, List<Moment> moments) {
        GraphPairEncoder encoder = new GraphPairEncoder(labels, MiniLmTextEncoder.DIM);
        EncodedQuery q = encoder.query(parser.parse(query));
        List<Explanation> out = new ArrayList<>(moments.size());
        for (Moment m : moments) {
            try {
                out.add(explain(encoder, q, graphs.apply(m.videoId()), m));
            } catch (UnknownVideoException e) {
                out.add(Explanation.NONE); // removed after the search's snapshot was taken
            }
        }
        return out;
    }

    /** The matched multimodal graph of the query and the video's best-matching clip. */
    GraphView<?, ?> matchedGraph(String query, VideoGraph video) {
        GraphPairEncoder encoder = new GraphPairEncoder(labels, MiniLmTextEncoder.DIM);
        synchronized (filterLock) {
            return QueryClipMatcher.match(encoder, video, parser.parse(query), filter, null).view();
        }
    }

    private Explanation explain(GraphPairEncoder encoder, EncodedQuery query, VideoGraph video, Moment moment) {
        ClipGrid grid = video.video().grid();
        int first = grid.clipAt(moment.start());
        int last = Math.max(first, grid.clipAt(Math.max(moment.start(), moment.end() - 1e-6)));
        Map<Integer, Track> tracks = new HashMap<>();
        video.tracks().forEach(t -> tracks.put(t.id(), t));
        List<EncodedClip> clips = new ArrayList<>();
        for (ClipGraph c : video.clips()) {
            if (c.clipIndex() >= first && c.clipIndex() <= last) {
                clips.add(encoder.clip(c, tracks));
            }
        }
        if (clips.isEmpty()) {
            return Explanation.NONE;
        }
        List<GraphMatch> matches;
        if (filter != null) {
            synchronized (filterLock) {
                GraphBatch batch = new GraphBatch(filter.config());
                clips.forEach(c -> batch.add(query.with(c)));
                matches = filter.explain(query, clips.get(argmax(filter.score(batch))));
            }
        } else {
            matches = MatchExplainer.presence(query, clips.get(argmax(PresenceScorer.scores(query, clips))));
        }
        Map<String, Explanation.Match> kept = new LinkedHashMap<>();
        for (GraphMatch g : matches) {
            if (g.videoNode() != null) {
                kept.putIfAbsent(g.queryNode() + "|" + g.videoNode() + "|" + g.relationTarget(),
                        new Explanation.Match(g.queryNode(), g.videoNode(), g.relation(), g.relationTarget(), g.score()));
            }
        }
        return new Explanation(List.copyOf(kept.values()));
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

    @Override
    public void close() {
        if (filter != null) {
            filter.close();
        }
    }
}
