package org.momentgraph.eval.filter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.SharedData;
import org.momentgraph.domain.Video;
import org.momentgraph.eval.data.TvqaPlusBoxes;
import org.momentgraph.eval.data.TvrJsonl;
import org.momentgraph.eval.synthetic.SyntheticCorpus;
import org.momentgraph.graph.mp.GraphFilterModel;
import org.momentgraph.graph.mp.GraphPairEncoder;
import org.momentgraph.graph.query.QueryParser;

/**
 * The clip filter's recall/pruning curves: the trained graph network against the object-presence
 * baseline, on a generated corpus's test split and on TVR/TVQA+ dev with folds by episode.
 */
public final class FilterCurves {

    /** Experiment knobs. */
    public record Options(int hidden, int rounds, FilterTrainer trainer, double clipLength, long seed) {
        public static Options defaults() {
            return new Options(32, 2, FilterTrainer.defaults(FilterTrainer.MAX_STEPS), 2.0, 7);
        }
    }

    /** Curves of one evaluation: setting ("within-video", "10-video pools") -> scorer -> key -> points. */
    public record Report(String dataset, Map<String, Map<String, Map<String, List<RecallCurve.Point>>>> curves,
            Map<String, Object> notes) {
    }

    /** File name stem of saved filter models. */
    public static final String MODEL_NAME = "graph-filter";

    private static final int[] OTHER_VIDEOS = {0, 9};

    private FilterCurves() {
    }

    /**
     * Trains on the corpus's train split, stopping early on its val split, and reads curves on its test split.
     *
     * @param modelOut where to save the trained model (name "graph-filter"), or null
     */
    public static Report synthetic(Path corpusDir, Function<String, float[]> embedding, int dim, Options options,
            Path modelOut) {
        GraphPairEncoder encoder = new GraphPairEncoder(embedding, dim);
        FilterCorpus corpus;
        Map<String, String> split = new LinkedHashMap<>();
        try (SyntheticCorpus synthetic = SyntheticCorpus.load(corpusDir)) {
            List<Video> videos = new ArrayList<>();
            synthetic.videos().forEach(v -> {
                videos.add(v.video());
                split.put(v.video().id(), v.split());
            });
            List<Query> queries = new ArrayList<>(synthetic.queries("train"));
            queries.addAll(synthetic.queries("val"));
            queries.addAll(synthetic.queries("test"));
            corpus = FilterCorpus.build(videos, synthetic.detectionsByVideo(), queries, encoder, QueryParser.load(),
                    split::get);
        }
        List<FilterCorpus.VideoEntry> train = corpus.videos().values().stream()
                .filter(v -> v.group().equals("train")).toList();
        List<FilterCorpus.VideoEntry> val = corpus.videos().values().stream()
                .filter(v -> v.group().equals("val")).toList();
        List<FilterCorpus.VideoEntry> test = corpus.videos().values().stream()
                .filter(v -> v.group().equals("test")).toList();
        Map<String, Map<String, Map<String, List<RecallCurve.Point>>>> curves = new LinkedHashMap<>();
        Map<String, Object> notes = new LinkedHashMap<>();
        try (GraphFilterModel model = GraphFilterModel.create(encoder.config(options.hidden(), options.rounds()),
                options.seed())) {
            FilterTrainer.Outcome outcome = val.isEmpty()
                    ? options.trainer().trainHoldingOutVideos(model, queriesOf(corpus, train), train)
                    : options.trainer().train(model, queriesOf(corpus, train), train, queriesOf(corpus, val), val);
            notes.put("loss_first_last", lossSummary(outcome.losses()));
            notes.put("kept_step", outcome.keptStep());
            if (modelOut != null) {
                model.save(modelOut, MODEL_NAME);
            }
            for (int others : OTHER_VIDEOS) {
                Map<String, Map<String, List<RecallCurve.Point>>> byScorer = new LinkedHashMap<>();
                byScorer.put("graph-network", points(FilterEvaluation.evaluate(queriesOf(corpus, test), test,
                        ClipScorer.network(model), others, 1, options.seed(), true)));
                byScorer.put("presence", points(FilterEvaluation.evaluate(queriesOf(corpus, test), test,
                        ClipScorer.presence(), others, 1, options.seed(), true)));
                curves.put(setting(others), byScorer);
            }
        }
        notes.put("train_videos", train.size());
        notes.put("test_videos", test.size());
        notes.put("test_queries", queriesOf(corpus, test).size());
        return new Report("synthetic " + corpusDir, curves, notes);
    }

    /**
     * TVR dev queries on TVQA+ boxes, k folds by episode: train on k-1 (stopping early on every tenth of their
     * videos), score the held-out one, mean over folds.
     */
    public static Report tvrFolds(int folds, Function<String, float[]> embedding, int dim, Options options) {
        List<Query> queries = TvrJsonl.read(SharedData.file("tvr_tvqaplus/tvr_dev_queries.jsonl"));
        TvqaPlusBoxes.Annotations boxes = TvqaPlusBoxes.read(SharedData.file("tvr_tvqaplus/tvqa_plus_dev_boxes.json"));
        Map<String, Video> videos = new LinkedHashMap<>();
        for (Query q : queries) {
            videos.putIfAbsent(q.videoId(), new Video(q.videoId(), q.duration(), options.clipLength()));
        }
        Map<String, List<FrameDetections>> detections = new LinkedHashMap<>();
        videos.keySet().forEach(id -> detections.put(id, boxes.frames(id)));
        GraphPairEncoder encoder = new GraphPairEncoder(embedding, dim);
        FilterCorpus corpus = FilterCorpus.build(List.copyOf(videos.values()), detections, queries, encoder,
                QueryParser.load(), FilterCurves::episode);
        List<String> episodes = new ArrayList<>(new TreeSet<>(corpus.videos().values().stream()
                .map(FilterCorpus.VideoEntry::group).toList()));
        Map<String, Map<String, List<List<RecallCurve.Point>>>> perFold = new LinkedHashMap<>();
        List<String> losses = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            int f = fold;
            List<FilterCorpus.VideoEntry> train = new ArrayList<>();
            List<FilterCorpus.VideoEntry> test = new ArrayList<>();
            for (FilterCorpus.VideoEntry v : corpus.videos().values()) {
                (episodes.indexOf(v.group()) % folds == f ? test : train).add(v);
            }
            try (GraphFilterModel model = GraphFilterModel.create(encoder.config(options.hidden(), options.rounds()),
                    options.seed() + fold)) {
                FilterTrainer.Outcome outcome = options.trainer().trainHoldingOutVideos(model, queriesOf(corpus, train),
                        train);
                losses.add(lossSummary(outcome.losses()) + " (kept step " + outcome.keptStep() + ")");
                for (int others : OTHER_VIDEOS) {
                    perFold.computeIfAbsent(setting(others) + "|graph-network", k -> new LinkedHashMap<>())
                            .computeIfAbsent("all", k -> new ArrayList<>())
                            .add(FilterEvaluation.evaluate(queriesOf(corpus, test), test, ClipScorer.network(model),
                                    others, 1, options.seed(), true).get("all").points());
                    perFold.computeIfAbsent(setting(others) + "|presence", k -> new LinkedHashMap<>())
                            .computeIfAbsent("all", k -> new ArrayList<>())
                            .add(FilterEvaluation.evaluate(queriesOf(corpus, test), test, ClipScorer.presence(),
                                    others, 1, options.seed(), true).get("all").points());
                }
            }
        }
        Map<String, Map<String, Map<String, List<RecallCurve.Point>>>> curves = new LinkedHashMap<>();
        perFold.forEach((key, byKey) -> {
            String[] parts = key.split("\\|");
            curves.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1],
                    Map.of("all (mean of " + folds + " folds)", RecallCurve.mean(byKey.get("all"))));
        });
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("queries", corpus.queries().size());
        notes.put("videos", corpus.videos().size());
        notes.put("episodes", episodes.size());
        notes.put("clip_length_s", options.clipLength());
        notes.put("loss_first_last_per_fold", losses);
        long withObjects = corpus.videos().values().stream().flatMap(v -> v.clips().stream()).filter(c -> c.size() > 0).count();
        long clips = corpus.videos().values().stream().mapToLong(v -> v.clips().size()).sum();
        notes.put("clips_with_boxes", withObjects + " of " + clips);
        notes.put("caveat", "TVQA+ boxes cover only about 16% of each video's duration, around the QA spans");
        return new Report("TVR dev / TVQA+ boxes, " + folds + " folds by episode", curves, notes);
    }

    /** "s01e02" of "s01e02_seg02_clip_12"; the id itself when it has no "_seg". */
    public static String episode(String videoId) {
        int seg = videoId.indexOf("_seg");
        return seg < 0 ? videoId : videoId.substring(0, seg);
    }

    private static String setting(int others) {
        return others == 0 ? "within-video" : (others + 1) + "-video pools";
    }

    private static List<FilterCorpus.QueryEntry> queriesOf(FilterCorpus corpus, List<FilterCorpus.VideoEntry> videos) {
        java.util.Set<String> ids = videos.stream().map(v -> v.video().id()).collect(Collectors.toSet());
        return corpus.queries().stream().filter(q -> ids.contains(q.query().videoId())).toList();
    }

    private static Map<String, List<RecallCurve.Point>> points(Map<String, RecallCurve> curves) {
        Map<String, List<RecallCurve.Point>> out = new LinkedHashMap<>();
        curves.forEach((k, c) -> out.put(k + " (" + c.queries() + " q)", c.points()));
        return out;
    }

    private static String lossSummary(float[] losses) {
        if (losses.length < 20) {
            return java.util.Arrays.toString(losses);
        }
        double first = 0;
        double last = 0;
        for (int i = 0; i < 10; i++) {
            first += losses[i] / 10;
            last += losses[losses.length - 1 - i] / 10;
        }
        return String.format(java.util.Locale.ROOT, "%.3f -> %.3f", first, last);
    }
}
