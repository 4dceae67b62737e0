package org.momentgraph.eval.experiments;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.encoders.inference.LoadedRetriever;
import org.momentgraph.encoders.modeldir.TunedSearch;
import org.momentgraph.encoders.pipeline.ClipEvidence;
import org.momentgraph.encoders.pipeline.CorpusIndexer;
import org.momentgraph.encoders.pipeline.MomentSearchPipeline;
import org.momentgraph.encoders.pipeline.PreparedQuery;
import org.momentgraph.encoders.pipeline.VideoEvidence;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.experiments.EvidenceWeightTuner.VrWeights;
import org.momentgraph.eval.metrics.TvrEvalOptions;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrSubmissionJson;

/**
 * One variant on one train/test split: train (or load) the model, build the search pipeline over the
 * test corpus, tune the VR evidence weights on held-in queries ({@code tuneSplit}), predict the
 * test queries (VR, SVMR, VCMR top 100) and score them with {@link TvrEvaluator}, overall and per group.
 * The variant's clip evidence comes from {@link ClipFilters} (a graph filter trained on the split's
 * "train" queries, stopped early on the held-in queries, saved next to the model in {@code filter/});
 * close the experiment when done.
 */
public final class Experiment implements AutoCloseable {

    /** What one split produced; {@code model} is the model directory searched (trained here or given). */
    public record SplitOutcome(Map<String, Map<String, Double>> scores, int skippedSteps, double trainSeconds,
            double evidenceWeight, double labelTextWeight, double vrTemperature, int momentsPerVideo,
            double scoredClipsPerQuery, Path submission,
            Path model) {
    }

    private final MiniLmTextEncoder text;
    private final ExperimentConfig config;
    private final PrintStream log;
    private final ClipFilters filters;

    public Experiment(ExperimentConfig config, MiniLmTextEncoder text, PrintStream log) {
        this.config = config;
        this.text = text;
        this.log = log;
        this.filters = new ClipFilters(text, config.filterTraining(), log);
    }

    /**
     * @param model a trained model directory, or null to train one into {@code out/model}
     * @param tuneSplit held-in split for the evidence weight ("val" for synthetic, "train" for TVR folds)
     * @param group query -> group label of the per-group rows (type or difficulty)
     */
    public SplitOutcome run(ExperimentData data, Variant variant, Path model, String tuneSplit, Path out,
            Function<Query, String> group) {
        ExperimentData used = variant.graphStream() ? data : data.withoutGraph();
        int skipped = 0;
        double seconds = 0;
        // a graph filter trained here is saved with the model it was trained next to, else into out/
        Path filterDir = out.resolve(ClipFilters.MODEL_DIR);
        boolean trainedHere = model == null;
        if (trainedHere) {
            ModelTraining.Trained trained = ModelTraining.train(used, variant.model(), variant.loss(), config.train(), out, log);
            model = trained.modelDir();
            skipped = trained.skippedSteps();
            seconds = trained.trainSeconds();
            filterDir = model.resolve(ClipFilters.MODEL_DIR);
        }
        TvrEvaluator evaluator = new TvrEvaluator(TvrEvalOptions.defaults());
        try (LoadedRetriever retriever = LoadedRetriever.load(model, text)) {
            ClipEvidence evidence = filters.trained(variant.filter(), used, "train", tuneSplit, filterDir);
            // the label-text term only when the config offers a weight for it: it needs labelled detections
            VideoEvidence labelText = config.labelTextWeights().stream().anyMatch(v -> v != 0)
                    ? filters.labelText(used) : null;
            List<Double> clipWeights = evidence == null || config.evidenceWeights().isEmpty() ? List.of(0.0)
                    : config.evidenceWeights();
            VrWeights weights = new VrWeights(clipWeights.get(0), config.labelTextWeights().get(0));
            double tau = config.vrTemperatures().get(0);
            // tau is chosen with the pipeline's own cap (10), then the cap given tau; the list's first cap only
            // if it is the one candidate
            int perVideo = config.momentsPerVideo().size() == 1 ? config.momentsPerVideo().get(0)
                    : config.pipeline().momentsPerVideo();
            boolean tuneWeight = clipWeights.size() > 1 || config.labelTextWeights().size() > 1;
            if (tuneWeight || config.vrTemperatures().size() > 1 || config.momentsPerVideo().size() > 1) {
                List<EncodedVideo> tuneCorpus = CorpusIndexer.encode(retriever, used.set().corpus(tuneSplit));
                List<Query> tuneQueries = used.groundTruth(tuneSplit);
                List<PreparedQuery> tunePrepared = prepare(retriever, tuneCorpus, used.examples(tuneSplit));
                double first = tau;
                int firstPerVideo = perVideo;
                if (tuneWeight) {
                    weights = EvidenceWeightTuner.tune(clipWeights, config.labelTextWeights(),
                            w -> pipeline(retriever, tuneCorpus, evidence, labelText, w, first, firstPerVideo),
                            tuneQueries, tunePrepared, evaluator);
                }
                VrWeights chosen = weights;
                if (config.vrTemperatures().size() > 1) {
                    tau = EvidenceWeightTuner.tuneTemperature(config.vrTemperatures(),
                            t -> pipeline(retriever, tuneCorpus, evidence, labelText, chosen, t, firstPerVideo),
                            tuneQueries, tunePrepared, evaluator);
                }
                double chosenTau = tau;
                if (config.momentsPerVideo().size() > 1) {
                    perVideo = EvidenceWeightTuner.tuneMomentsPerVideo(config.momentsPerVideo(),
                            m -> pipeline(retriever, tuneCorpus, evidence, labelText, chosen, chosenTau, m),
                            tuneQueries, tunePrepared, evaluator);
                }
            }
            if (trainedHere) {
                // predict and serve then search as these numbers were measured; a loaded model is left as it was
                new TunedSearch(variant.filter().jsonName(), weights.clip(), weights.labelText(), tau, perVideo)
                        .save(model);
            }
            List<EncodedVideo> corpus = CorpusIndexer.encode(retriever, used.set().corpus("test"));
            try (MomentSearchPipeline p = pipeline(retriever, corpus, evidence, labelText, weights, tau, perVideo)) {
                List<Query> test = used.groundTruth("test");
                List<PreparedQuery> prepared = p.prepare(test.stream().map(Query::text).toList(),
                        used.examples("test").stream().map(MomentExample::queryTokens).toList());
                TvrSubmission submission = PipelinePredictions.tvr(p, test, prepared);
                Path file = out.resolve("submission.json");
                TvrSubmissionJson.write(file, submission);
                Map<String, Map<String, Double>> scores = GroupedScores.of(evaluator, test, submission, group);
                double clipsPerQuery = p.scoredClips() / (double) Math.max(1, test.size());
                log.printf(Locale.ROOT, "%s: VR r1 %.2f, SVMR 0.5-r1 %.2f, VCMR 0.5-r10 %.2f (evidence weight %.2f, "
                        + "label-text weight %.2f, "
                        + "VCMR tau %.3f, %d moments per video, %.0f clips localised per query, %d skipped steps)%n",
                        variant.name(), scores.get("all").get("VR r1"), scores.get("all").get("SVMR 0.5-r1"),
                        scores.get("all").get("VCMR 0.5-r10"), weights.clip(), weights.labelText(), tau, perVideo,
                        clipsPerQuery, skipped);
                return new SplitOutcome(scores, skipped, seconds, weights.clip(), weights.labelText(), tau, perVideo,
                        clipsPerQuery, file, model);
            }
        }
    }

    private List<PreparedQuery> prepare(LoadedRetriever retriever, List<EncodedVideo> corpus, List<MomentExample> examples) {
        try (MomentSearchPipeline p = pipeline(retriever, corpus, null, null, new VrWeights(0, 0),
                config.pipeline().vrTemperature(),
                config.pipeline().momentsPerVideo())) {
            return p.prepare(examples.stream().map(MomentExample::queryText).toList(),
                    examples.stream().map(MomentExample::queryTokens).toList());
        }
    }

    private MomentSearchPipeline pipeline(LoadedRetriever retriever, List<EncodedVideo> corpus, ClipEvidence evidence,
            VideoEvidence labelText, VrWeights weights, double tau, int momentsPerVideo) {
        return MomentSearchPipeline.builder(retriever).corpus(corpus).evidence(evidence).videoEvidence(labelText)
                .config(config.pipeline().withEvidenceVrWeight(weights.clip())
                        .withVideoEvidenceVrWeight(weights.labelText()).withVrTemperature(tau)
                        .withMomentsPerVideo(momentsPerVideo)).build();
    }

    @Override
    public void close() {
        filters.close();
    }

    /** Difficulty tag of a synthetic query, TVR type otherwise. */
    public static String groupOf(Query q) {
        String difficulty = q.attributes().get("difficulty");
        return difficulty != null ? difficulty : q.type();
    }

    static List<Double> column(List<SplitOutcome> outcomes, Function<SplitOutcome, Double> f) {
        List<Double> out = new ArrayList<>();
        outcomes.forEach(o -> out.add(f.apply(o)));
        return out;
    }
}
