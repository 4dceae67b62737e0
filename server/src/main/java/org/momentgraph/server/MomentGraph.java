package org.momentgraph.server;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.modeldir.Checksums;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.modeldir.TrainInfo;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.graph.export.VideoGraphViews;
import org.momentgraph.graph.mp.GraphFilterModel;
import org.momentgraph.graph.query.QueryParser;
import org.momentgraph.graph.video.VideoGraph;
import org.momentgraph.graph.video.VideoGraphBuilder;
import org.momentgraph.server.corpus.CorpusStore;
import org.momentgraph.server.engine.SearchEngine;
import org.momentgraph.server.engine.SyntheticImport;

/**
 * The MomentGraph engine behind the REST API: a trained retriever (dual encoder + boundary
 * detector), the optional graph clip filter, and a persistent corpus.
 *
 * <pre>{@code
 * try (MomentGraph mg = MomentGraph.open(Path.of("runs/demo/model"), Path.of("runs/demo/corpus"))) {
 *     for (SearchHit hit : mg.search("Alice picks up the cup", 5)) {
 *         System.out.printf("%s %.1f-%.1f s %.3f %s%n", hit.video(), hit.start(), hit.end(), hit.score(),
 *                 hit.explanation().matches());
 *     }
 *     mg.addVideo(new NewVideo("cam_7", 42.0, 2.0, features, detections));  // searchable and durable now
 *     String dot = mg.videoGraph("cam_7", "dot");
 * }
 * }</pre>
 *
 * <p>Model folder: a model directory written by training ({@code model.json}, {@code weights.params},
 * {@code checksums.sha256}, ...; a training output folder holding {@code model/} works too), with
 * the graph clip filter in {@code filter/} when there is one ({@code graph-filter.config.json} and
 * its parameters, as {@code filter-curve --save-model} writes them); without it explanations come
 * from presence matching. Corpus folder: a corpus store ({@link CorpusStore}) with its index in
 * {@code index/}, created when absent, or a corpus written by {@code generate}, imported into
 * {@code DIR/store} on first open.
 *
 * <p>Thread-safe as {@link MomentService} requires: the model runs on a small pool of retriever
 * instances (one per concurrent call, default {@code min(2, cores)}, system property
 * {@code momentgraph.retrievers}); writes are serialised; searches read immutable snapshots.
 */
public final class MomentGraph implements MomentService {

    public static final String VERSION = "0.1.0";
    /** The folder of the optional graph clip filter inside a model folder, and its file name stem. */
    public static final String FILTER_DIR = "filter";
    public static final String FILTER_NAME = "graph-filter";
    private static final int GRAPH_CACHE = 64;

    private final String modelName;
    private final MiniLmTextEncoder text;
    private final SearchEngine engine;
    private final VideoGraphBuilder graphBuilder = VideoGraphBuilder.builder().build();
    private final Map<String, VideoGraph> graphCache = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, VideoGraph> eldest) {
                    return size() > GRAPH_CACHE;
                }
            });

    private MomentGraph(String modelName, MiniLmTextEncoder text, SearchEngine engine) {
        this.modelName = modelName;
        this.text = text;
        this.engine = engine;
    }

    /** Opens the model in {@code modelDir} over the corpus in {@code corpusDir}; progress goes to stderr. */
    public static MomentGraph open(Path modelDir, Path corpusDir) {
        return open(modelDir, corpusDir, System.err);
    }

    public static MomentGraph open(Path modelDir, Path corpusDir, PrintStream log) {
        int pool = Integer.getInteger("momentgraph.retrievers", Math.min(2, Runtime.getRuntime().availableProcessors()));
        return open(modelDir, corpusDir, pool, log);
    }

    /** @param retrievers model instances, i.e. how many searches run at the same time */
    public static MomentGraph open(Path modelDir, Path corpusDir, int retrievers, PrintStream log) {
        Path model = resolveModel(modelDir);
        ModelDirectory saved = ModelDirectory.open(model);
        String fingerprint = Checksums.sha256(model.resolve(Checksums.FILE));
        MiniLmTextEncoder text = MiniLmTextEncoder.builder().build();
        GraphFilterModel filter = null;
        try {
            Path filterDir = model.resolve(FILTER_DIR);
            if (Files.isRegularFile(filterDir.resolve(FILTER_NAME + ".config.json"))) {
                filter = GraphFilterModel.load(filterDir, FILTER_NAME);
            }
            CorpusStore store = SyntheticImport.isGenerated(corpusDir) ? SyntheticImport.open(corpusDir, log)
                    : CorpusStore.open(corpusDir);
            MomentGraph[] self = new MomentGraph[1];
            SearchEngine engine = SearchEngine.open(model, fingerprint, saved, text, new LabelEmbeddings(text),
                    QueryParser.load(), filter, store, id -> self[0].graph(id), retrievers, log);
            self[0] = new MomentGraph(name(model, saved.info()), text, engine);
            return self[0];
        } catch (RuntimeException e) {
            if (filter != null) {
                filter.close();
            }
            text.close();
            throw e;
        }
    }

    /** A model directory, or a training output folder whose {@code model/} is one. */
    static Path resolveModel(Path dir) {
        if (!Files.isRegularFile(dir.resolve(Checksums.FILE)) && Files.isRegularFile(dir.resolve("model")
                .resolve(Checksums.FILE))) {
            return dir.resolve("model");
        }
        return dir;
    }

    private static String name(Path model, TrainInfo info) {
        Path abs = model.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String folder = parent != null && abs.getFileName().toString().equals("model")
                ? parent.getFileName() + "/model" : abs.getFileName().toString();
        return folder + " (" + (info.datasetName().isEmpty() ? info.datasetType() : info.datasetName()) + "; streams "
                + String.join("+", info.streams()) + "; " + info.epochsCompleted() + " epochs)";
    }

    @Override
    public List<SearchHit> search(String query, int k) {
        checkQuery(query, k);
        return engine.search(query, k);
    }

    @Override
    public List<SearchHit> localize(String videoId, String query, int k) {
        checkQuery(query, k);
        return engine.localize(videoId, query, k);
    }

    @Override
    public VideoInfo addVideo(NewVideo video) {
        return engine.add(video);
    }

    @Override
    public boolean removeVideo(String id) {
        boolean removed = engine.remove(id);
        graphCache.remove(id);
        return removed;
    }

    @Override
    public Page<VideoInfo> listVideos(int offset, int limit) {
        return engine.store().list(offset, limit);
    }

    @Override
    public String videoGraph(String id, String format) {
        return engine.graphText(VideoGraphViews.of(graph(id)), format);
    }

    @Override
    public String queryGraph(String query, Optional<String> videoId, String format) {
        checkQuery(query, 1);
        return engine.queryGraphText(query, videoId.map(this::graph), format);
    }

    @Override
    public Info info() {
        return new Info(modelName, engine.store().size(), VERSION);
    }

    /** The relation graph of a stored video, built from its detections (cached for recent videos). */
    VideoGraph graph(String id) {
        VideoGraph cached = graphCache.get(id);
        if (cached != null) {
            return cached;
        }
        CorpusStore store = engine.store();
        VideoInfo info = store.find(id).orElseThrow(() -> new UnknownVideoException(id));
        VideoGraph built = graphBuilder.build(new Video(id, info.duration(), info.clipLength()), store.detections(id));
        graphCache.put(id, built);
        return built;
    }

    private static void checkQuery(String query, int k) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("query", "must not be blank");
        }
        if (k < 1 || k > 100) {
            throw new InvalidInputException("k", "must be in 1..100, got " + k);
        }
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            text.close();
        }
    }
}
