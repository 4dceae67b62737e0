package org.momentgraph.server.engine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.inference.LoadedRetriever;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.modeldir.TunedSearch;
import org.momentgraph.encoders.pipeline.MomentResult;
import org.momentgraph.encoders.pipeline.MomentSearchPipeline;
import org.momentgraph.encoders.pipeline.PipelineConfig;
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
 * Search over an indexed corpus through {@link MomentSearchPipeline} (exact VR, then boundary
 * detection in the best videos: {@code softmax(vr / tau) x P(start) x P(end)}), run on a pooled
 * retriever; each returned moment is explained by {@link MomentExplainer} from the relation graphs
 * of its clips. Each retriever keeps a pipeline over the corpus snapshot it last searched and builds
 * a new one when a write has replaced the snapshot.
 */
public final class SearchEngine implements AutoCloseable {

    private final RetrieverPool pool;
    private final IndexedCorpus corpus;
    private final PipelineConfig config;
    private final MomentExplainer explainer;
    private final Map<LoadedRetriever, Pipelined> pipelines = new ConcurrentHashMap<>();

    /** A retriever's pipeline and the snapshot it searches. */
    private record Pipelined(EncodedCorpus corpus, MomentSearchPipeline pipeline) {
    }

    private SearchEngine(RetrieverPool pool, IndexedCorpus corpus, PipelineConfig config, MomentExplainer explainer) {
        this.pool = pool;
        this.corpus = corpus;
        this.config = config;
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
            // the VCMR tau and moments per video eval tuned for this model, else the VideoCL temperature and defaults
            Optional<TunedSearch> tuned = TunedSearch.load(modelDir);
            double tau = tuned.map(TunedSearch::vrTemperature).orElse((double) saved.loss().videoTemperature());
            int perVideo = tuned.map(TunedSearch::momentsPerVideo).orElse(PipelineConfig.defaults().momentsPerVideo());
            PipelineConfig search = PipelineConfig.defaults().withVrTemperature(tau).withMomentsPerVideo(perVideo)
                    .withExplainTop(0);
            return new SearchEngine(pool, corpus, search, explainer);
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
        if (snapshot.size() == 0) {
            return List.of();
        }
        return explained(query, pool.call(r -> pipeline(r, snapshot).vcmr(query, k)));
    }

    /** SVMR: the best {@code k} moments of one video, explained. */
    public List<SearchHit> localize(String videoId, String query, int k) {
        EncodedCorpus snapshot = corpus.snapshot();
        if (snapshot.find(videoId).isEmpty()) {
            throw new UnknownVideoException(videoId);
        }
        return explained(query, pool.call(r -> pipeline(r, snapshot).svmr(videoId, query, k)));
    }

    /** Called with {@code retriever} borrowed from the pool, so its pipeline is used by one thread. */
    private MomentSearchPipeline pipeline(LoadedRetriever retriever, EncodedCorpus snapshot) {
        Pipelined current = pipelines.get(retriever);
        if (current == null || current.corpus() != snapshot) {
            if (current != null) {
                current.pipeline().close();
            }
            current = new Pipelined(snapshot, MomentSearchPipeline.builder(retriever).corpus(snapshot.videos())
                    .config(config).build());
            pipelines.put(retriever, current);
        }
        return current.pipeline();
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

    private List<SearchHit> explained(String query, List<MomentResult> results) {
        List<Moment> moments = results.stream().map(r -> new Moment(r.videoId(), r.start(), r.end(), r.score())).toList();
        List<Explanation> explanations = explainer.explain(query, moments);
        List<SearchHit> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            MomentResult r = results.get(i);
            out.add(new SearchHit(r.videoId(), r.start(), r.end(), r.score(), r.vrScore(), explanations.get(i)));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            pipelines.values().forEach(p -> p.pipeline().close());
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
