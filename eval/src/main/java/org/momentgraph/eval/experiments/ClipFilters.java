package org.momentgraph.eval.experiments;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.pipeline.ClipEvidence;
import org.momentgraph.encoders.pipeline.LabelBagEvidence;
import org.momentgraph.encoders.pipeline.LabelTextEvidence;
import org.momentgraph.encoders.pipeline.VideoEvidence;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.filter.FilterCorpus;
import org.momentgraph.eval.filter.FilterCurves;
import org.momentgraph.eval.filter.FilterTrainer;
import org.momentgraph.graph.mp.GraphFilterModel;
import org.momentgraph.graph.mp.GraphPairEncoder;
import org.momentgraph.graph.query.QueryParser;

/**
 * The clip evidence of a {@link ClipFilterKind} over an {@link ExperimentData}. The graph filter is
 * trained with {@link org.momentgraph.eval.filter.FilterTrainer} on the data's training queries and
 * their videos only (never on tuning or test queries; the tuning queries decide when training stops),
 * once per data set (one synthetic split, one
 * TVR fold) and shared by all variants; {@code predict} loads one saved by training instead. Clip
 * graphs are encoded once per detection set. Owns the models it trains or loads: close it after the
 * pipelines that use its evidence.
 */
public final class ClipFilters implements AutoCloseable {

    /** The graph filter's folder inside a model directory (the server reads {@code filter/graph-filter}). */
    public static final String MODEL_DIR = "filter";

    private final MiniLmTextEncoder text;
    private final LabelEmbeddings labels;
    private final GraphFilterTraining training;
    private final PrintStream log;
    private GraphPairEncoder encoder;
    private QueryParser parser;
    private final Map<Map<String, List<FrameDetections>>, Map<String, FilterCorpus.VideoEntry>> encoded =
            new IdentityHashMap<>();
    private final Map<String, GraphFilterModel> models = new HashMap<>();

    public ClipFilters(MiniLmTextEncoder text, GraphFilterTraining training, PrintStream log) {
        this.text = text;
        this.labels = new LabelEmbeddings(text);
        this.training = training;
        this.log = log;
    }

    /**
     * Evidence for a search over {@code data}; a GRAPH filter is trained on {@code trainSplit}'s queries,
     * stopping early on {@code heldOutSplit}'s (null or the training split itself: on every tenth training
     * video's queries, which it then does not train on), or reused when this data set's was trained before,
     * and saved into {@code saveDir} when given.
     *
     * @return null for {@link ClipFilterKind#NONE}
     */
    public ClipEvidence trained(ClipFilterKind kind, ExperimentData data, String trainSplit, String heldOutSplit,
            Path saveDir) {
        GraphFilterModel model = null;
        if (kind == ClipFilterKind.GRAPH) {
            String key = data.name() + "|" + trainSplit + "|" + heldOutSplit;
            model = models.get(key);
            if (model == null) {
                model = train(data, trainSplit, heldOutSplit);
                models.put(key, model);
            }
            if (saveDir != null) {
                save(model, saveDir);
            }
        }
        return evidence(kind, data, model);
    }

    /**
     * Evidence for a search over {@code data}; a GRAPH filter is loaded from {@code modelDir}
     * ({@code graph-filter.config.json} and its parameters, as training saves them).
     */
    public ClipEvidence saved(ClipFilterKind kind, ExperimentData data, Path modelDir) {
        GraphFilterModel model = null;
        if (kind == ClipFilterKind.GRAPH) {
            if (!Files.isRegularFile(modelDir.resolve(FilterCurves.MODEL_NAME + ".config.json"))) {
                throw new IllegalArgumentException("no trained graph filter in " + modelDir + " (expected "
                        + FilterCurves.MODEL_NAME + ".config.json there): eval/ablate with \"filter\": \"graph\" save "
                        + "one into MODEL/" + MODEL_DIR + ", filter-curve --save-model DIR saves one into DIR");
            }
            model = models.computeIfAbsent("saved|" + modelDir.toAbsolutePath().normalize(),
                    k -> GraphFilterModel.load(modelDir, FilterCurves.MODEL_NAME));
        }
        return evidence(kind, data, model);
    }

    /** The label-text cosine of each video of {@code data} (its joined object labels), as VR evidence. */
    public VideoEvidence labelText(ExperimentData data) {
        return new LabelTextEvidence(data.labelBags(), text::embedAll);
    }

    private ClipEvidence evidence(ClipFilterKind kind, ExperimentData data, GraphFilterModel model) {
        return switch (kind) {
            case NONE -> null;
            case LABEL_BAG -> new LabelBagEvidence(data.labelBags(), text::embed, labels);
            case PRESENCE, GRAPH -> new GraphFilterEvidence(videos(data), encoder(), parser(), model);
        };
    }

    private GraphFilterModel train(ExperimentData data, String trainSplit, String heldOutSplit) {
        Map<String, FilterCorpus.VideoEntry> all = videos(data);
        boolean ownSplit = heldOutSplit != null && !heldOutSplit.equals(trainSplit);
        Map<String, FilterCorpus.VideoEntry> trainVideos = videosOf(data.groundTruth(trainSplit), all);
        List<FilterCorpus.QueryEntry> entries = FilterCorpus.queries(data.groundTruth(trainSplit), trainVideos, encoder(),
                parser());
        GraphFilterModel model = GraphFilterModel.create(encoder().config(training.hidden(), training.rounds()),
                training.seed());
        FilterTrainer.Outcome outcome;
        String heldOutName;
        if (ownSplit) {
            Map<String, FilterCorpus.VideoEntry> heldOutVideos = videosOf(data.groundTruth(heldOutSplit), all);
            outcome = training.trainer().train(model, entries, new ArrayList<>(trainVideos.values()),
                    FilterCorpus.queries(data.groundTruth(heldOutSplit), heldOutVideos, encoder(), parser()),
                    new ArrayList<>(heldOutVideos.values()));
            heldOutName = "the " + heldOutSplit + " queries";
        } else {
            outcome = training.trainer().trainHoldingOutVideos(model, entries, new ArrayList<>(trainVideos.values()));
            heldOutName = "every tenth " + trainSplit + " video's queries";
        }
        if (outcome.losses().length == 0) {
            model.close();
            throw new IllegalArgumentException("cannot train the graph filter on " + data.name() + ": no " + trainSplit
                    + " query has a clip with detected objects inside its moment (use \"presence\" or \"label-bag\")");
        }
        log.printf(Locale.ROOT, "graph filter: %d steps on %d %s queries of %d videos, loss %s; kept step %d by the "
                + "clip ranking AUC on %s (%s)%n", outcome.losses().length, entries.size(), trainSplit, trainVideos.size(),
                lossSummary(outcome.losses()), outcome.keptStep(), heldOutName, heldOutSummary(outcome.heldOutAuc()));
        return model;
    }

    /** The videos of {@code queries}, in order of first mention. */
    private static Map<String, FilterCorpus.VideoEntry> videosOf(List<Query> queries,
            Map<String, FilterCorpus.VideoEntry> all) {
        Map<String, FilterCorpus.VideoEntry> out = new LinkedHashMap<>();
        for (Query q : queries) {
            FilterCorpus.VideoEntry v = all.get(q.videoId());
            if (v != null) {
                out.putIfAbsent(q.videoId(), v);
            }
        }
        return out;
    }

    private Map<String, FilterCorpus.VideoEntry> videos(ExperimentData data) {
        return encoded.computeIfAbsent(data.detections(), d -> {
            List<Video> videos = data.set().videos().values().stream().map(VideoStreams::video).toList();
            return FilterCorpus.videos(videos, d, encoder(), id -> "all");
        });
    }

    private void save(GraphFilterModel model, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        model.save(dir, FilterCurves.MODEL_NAME);
    }

    private GraphPairEncoder encoder() {
        if (encoder == null) {
            encoder = new GraphPairEncoder(labels, MiniLmTextEncoder.DIM);
        }
        return encoder;
    }

    private QueryParser parser() {
        if (parser == null) {
            parser = QueryParser.load();
        }
        return parser;
    }

    private static String lossSummary(float[] losses) {
        int n = Math.max(1, Math.min(10, losses.length / 2));
        double first = 0;
        double last = 0;
        for (int i = 0; i < n; i++) {
            first += losses[i] / n;
            last += losses[losses.length - 1 - i] / n;
        }
        return String.format(Locale.ROOT, "%.3f -> %.3f", first, last);
    }

    private static String heldOutSummary(float[] auc) {
        if (auc.length == 0) {
            return "none";
        }
        float best = Float.NEGATIVE_INFINITY;
        for (float a : auc) {
            best = Math.max(best, a);
        }
        return String.format(Locale.ROOT, "first %.3f, best %.3f, last %.3f", auc[0], best, auc[auc.length - 1]);
    }

    @Override
    public void close() {
        models.values().forEach(GraphFilterModel::close);
        models.clear();
    }
}
