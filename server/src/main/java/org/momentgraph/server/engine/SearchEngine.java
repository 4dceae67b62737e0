package org.momentgraph.server.engine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.graph.export.GraphView;
import org.momentgraph.graph.mp.GraphFilterModel;
import org.momentgraph.graph.query.QueryParser;
import org.momentgraph.graph.video.VideoGraph;
import org.momentgraph.server.Explanation;
import org.momentgraph.server.NewVideo;
import org.momentgraph.server.SearchHit;
import org.momentgraph.server.UnknownVideoException;
import org.momentgraph.server.VideoInfo;
import org.momentgraph.server.corpus.CorpusStore;

/**
 * Search over an indexed corpus: the query is encoded once by a pooled retriever, moments are
 * ranked by {@link MomentRanker} (VR, then boundary detection in the best videos), and each
 * returned moment is explained by {@link MomentExplainer} from the relation graphs of its clips.
 */
public final class SearchEngine implements AutoCloseable {

    private final RetrieverPool pool;
    private final IndexedCorpus corpus;
    private final MomentRanker ranker;
    private final MomentExplainer explainer;

    private SearchEngine(RetrieverPool pool, IndexedCorpus corpus, MomentRanker ranker, MomentExplainer explainer) {
        this.pool = pool;
        this.corpus = corpus;
        this.ranker = ranker;
        this.explainer = explainer;
    }

    /**
     * @param fingerprint identifies the model's weights; an index built by another model is rebuilt
     * @param filter      the trained clip filter or null; owned by the engine from here on
     * @param graphs      the relation graph of a stored video by id
     */
    public static SearchEngine open(Path modelDir, String fingerprint, ModelDirectory saved, MiniLmTextEncoder text,
            LabelEmbeddings labels, QueryParser parser, GraphFilterModel filter, CorpusStore store,
            Function<String, VideoGraph> graphs, int retrievers, PrintStream log) {
        MomentExplainer explainer = new MomentExplainer(labels, parser, filter, graphs);
        RetrieverPool pool = null;
        try {
            pool = RetrieverPool.load(modelDir, text, retrievers);
            ModelConfig config = saved.config();
            RetrieverPool p = pool;
            IndexedCorpus corpus = IndexedCorpus.open(store, modelDir.toAbsolutePath().normalize().getFileName().toString(),
                    fingerprint, config.streamCount(), config.hiddenSize(), config.netVladClusters() > 0,
                    new VideoStreamAssembler(config, labels), streams -> p.call(r -> r.encodeVideos(streams)), log);
            return new SearchEngine(pool, corpus, new MomentRanker(saved.loss().videoTemperature()), explainer);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            explainer.close();
            throw e;
        }
    }

    public CorpusStore store() {
        return corpus.store();
    }

    public VideoInfo add(NewVideo video) {
        return corpus.add(video);
    }

    public boolean remove(String id) {
        return corpus.remove(id);
    }

    /** VCMR: the best {@code k} moments of the corpus, explained. */
    public List<SearchHit> search(String query, int k) {
        EncodedCorpus snapshot = corpus.snapshot();
        List<MomentRanker.Ranked> ranked = pool.call(r -> ranker.search(r, r.encodeQuery(query), snapshot.videos(), k));
        return explained(query, ranked);
    }

    /** SVMR: the best {@code k} moments of one video, explained. */
    public List<SearchHit> localize(String videoId, String query, int k) {
        EncodedVideo video = corpus.snapshot().find(videoId).orElseThrow(() -> new UnknownVideoException(videoId));
        List<MomentRanker.Ranked> ranked = pool.call(r -> ranker.localize(r, r.encodeQuery(query), video, k));
        return explained(query, ranked);
    }

    public String graphText(GraphView<?, ?> view, String format) {
        return GraphTexts.write(view, format);
    }

    /** The query graph alone, or matched to the video's best-matching clip. */
    public String queryGraphText(String query, Optional<VideoGraph> video, String format) {
        GraphTexts.check(format);
        GraphView<?, ?> view = video.isPresent() ? explainer.matchedGraph(query, video.get())
                : GraphTexts.queryView(explainer.parse(query));
        return GraphTexts.write(view, format);
    }

    private List<SearchHit> explained(String query, List<MomentRanker.Ranked> ranked) {
        List<Moment> moments = ranked.stream().map(MomentRanker.Ranked::moment).toList();
        List<Explanation> explanations = explainer.explain(query, moments);
        List<SearchHit> out = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            Moment m = moments.get(i);
            out.add(new SearchHit(m.videoId(), m.start(), m.end(), m.score(), ranked.get(i).videoScore(),
                    explanations.get(i)));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            corpus.close();
        } finally {
            try {
                pool.close();
            } finally {
                explainer.close();
            }
        }
    }
}
