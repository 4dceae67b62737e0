package org.momentgraph.eval.experiments;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.inference.LoadedRetriever;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.modeldir.TrainInfo;
import org.momentgraph.encoders.modeldir.TunedSearch;
import org.momentgraph.encoders.pipeline.CorpusIndexer;
import org.momentgraph.encoders.pipeline.MomentSearchPipeline;
import org.momentgraph.encoders.pipeline.PipelineConfig;
import org.momentgraph.encoders.pipeline.PreparedQuery;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.predictions.QvhPredictionsJsonl;
import org.momentgraph.eval.predictions.TvrSubmissionJson;
import org.momentgraph.eval.tvr.EpisodeFold;
import org.momentgraph.eval.tvr.TvrTvqaPlusDataset;

/**
 * {@code predict}: a trained model searches a dataset split and writes official-format predictions,
 * a TVR submission (VCMR/SVMR/VR top 100) or QVHighlights JSONL. The input streams are rebuilt as the
 * model's train.json says (synthetic: visual, subtitle, graph; TVR: the TVQA+ object stream). The clip
 * filter is label-bag, presence, none, or the graph filter saved with the model ({@code MODEL/filter/},
 * written by {@code eval}/{@code ablate} with {@code "filter": "graph"}) or in another folder.
 */
public final class PredictRun {

    private PredictRun() {
    }

    /**
     * @param dataset "synthetic" (with {@code dir} and {@code split}) or "tvr-tvqaplus" (with {@code queries} and {@code boxes})
     * @param format "tvr" or "qvhighlights"
     * @param filter the clip evidence that screens clips and weights scores
     * @param filterModel the saved graph filter's folder for {@code filter} GRAPH; null: {@code MODEL/filter}
     * @param evidenceWeight weight of the clip evidence in VR scores; negative: no clip evidence at all; null: the
     *     weight {@code eval} tuned for this filter ({@link TunedSearch}), else 0
     * @param vrTemperature τ of the VCMR ranking; null: the tuned one, else the pipeline default
     * @return the number of queries written
     */
    public static int predict(Path model, String dataset, Path dir, String split, Path queries, Path boxes, Path out,
            String format, ClipFilterKind filter, Path filterModel, Double evidenceWeight, Double vrTemperature,
            PrintStream log) {
        if (!format.equals("tvr") && !format.equals("qvhighlights")) {
            throw new IllegalArgumentException("--format must be tvr or qvhighlights, got '" + format + "'");
        }
        TrainInfo info = ModelDirectory.open(model).info();
        PipelineConfig search = searchSettings(model, filter, evidenceWeight, vrTemperature, log);
        ClipFilterKind kind = search.evidenceVrWeight() >= 0 ? filter : ClipFilterKind.NONE;
        Path filterDir = filterModel != null ? filterModel : model.resolve(ClipFilters.MODEL_DIR);
        if (kind == ClipFilterKind.GRAPH && !java.nio.file.Files.isDirectory(filterDir)) {
            throw new IllegalArgumentException("--filter graph needs the trained graph filter in " + filterDir
                    + " (eval/ablate with \"filter\": \"graph\" save it into MODEL/filter; or give --filter-model DIR)");
        }
        try (MiniLmTextEncoder text = MiniLmTextEncoder.builder().build();
                ClipFilters filters = new ClipFilters(text, GraphFilterTraining.defaults(), log)) {
            ExperimentData data;
            String searchSplit;
            if (dataset.equals("synthetic")) {
                if (dir == null) {
                    throw new IllegalArgumentException("--dataset synthetic needs --data DIR");
                }
                data = ExperimentData.synthetic(ExperimentConfig.forDataset(dataset, dir, null, null,
                        info.streams().contains("subtitle"), info.streams().contains("graph"), kind, out.getParent()),
                        text, log);
                searchSplit = split;
                if (!data.queries().containsKey(split)) {
                    throw new IllegalArgumentException("--split must be one of " + data.queries().keySet());
                }
            } else if (dataset.equals("tvr-tvqaplus")) {
                if ((queries == null) != (boxes == null)) {
                    throw new IllegalArgumentException("--dataset tvr-tvqaplus needs both --queries and --boxes (or neither: shared data)");
                }
                TvrTvqaPlusDataset tvr = queries == null ? TvrTvqaPlusDataset.load() : TvrTvqaPlusDataset.load(queries, boxes);
                data = new TvrData(tvr, text, log).fold(new EpisodeFold(0, tvr.episodes(), List.of(), tvr.queries()));
                searchSplit = "test";
            } else {
                throw new IllegalArgumentException("--dataset must be synthetic or tvr-tvqaplus, got '" + dataset + "'");
            }
            List<Query> gt = data.groundTruth(searchSplit);
            List<MomentExample> examples = data.examples(searchSplit);
            try (LoadedRetriever retriever = LoadedRetriever.load(model, text);
                    MomentSearchPipeline p = MomentSearchPipeline.builder(retriever)
                            .corpus(CorpusIndexer.encode(retriever, data.set().corpus(searchSplit)))
                            .evidence(filters.saved(kind, data, filterDir))
                            .videoEvidence(search.videoEvidenceVrWeight() > 0 ? filters.labelText(data) : null)
                            .config(search.withEvidenceVrWeight(Math.max(0, search.evidenceVrWeight())))
                            .build()) {
                List<PreparedQuery> prepared = p.prepare(gt.stream().map(Query::text).toList(),
                        examples.stream().map(MomentExample::queryTokens).toList());
                if (format.equals("tvr")) {
                    TvrSubmissionJson.write(out, PipelinePredictions.tvr(p, gt, prepared));
                } else {
                    QvhPredictionsJsonl.write(out, PipelinePredictions.qvh(p, gt, prepared));
                }
            }
            return gt.size();
        }
    }

    /**
     * The clip filter a prediction uses when none is named: the one {@code eval} tuned the model's search
     * with ({@link TunedSearch}), so that {@code predict} reproduces the reported numbers; the graph filter
     * only when its trained network is in {@code MODEL/filter}; otherwise label-bag (needs no training).
     */
    public static ClipFilterKind defaultFilter(Path model) {
        Optional<ClipFilterKind> tuned = TunedSearch.load(model).map(t -> ClipFilterKind.of(t.filter()));
        if (tuned.isEmpty() || (tuned.get() == ClipFilterKind.GRAPH
                && !java.nio.file.Files.isDirectory(model.resolve(ClipFilters.MODEL_DIR)))) {
            return ClipFilterKind.LABEL_BAG;
        }
        return tuned.get();
    }

    /**
     * The pipeline settings of a prediction: explicit options first, then what {@code eval} tuned (the
     * label-text weight always comes from there), then defaults.
     */
    static PipelineConfig searchSettings(Path model, ClipFilterKind filter, Double evidenceWeight, Double vrTemperature,
            PrintStream log) {
        Optional<TunedSearch> tuned = TunedSearch.load(model);
        PipelineConfig defaults = PipelineConfig.defaults().withExplainTop(0);
        double weight = evidenceWeight != null ? evidenceWeight
                : tuned.map(t -> t.evidenceWeightFor(filter.jsonName())).orElse(0.0);
        double tau = vrTemperature != null ? vrTemperature
                : tuned.map(TunedSearch::vrTemperature).orElse(defaults.vrTemperature());
        int perVideo = tuned.map(TunedSearch::momentsPerVideo).orElse(defaults.momentsPerVideo());
        double labelText = tuned.map(TunedSearch::labelTextWeight).orElse(0.0);
        tuned.ifPresent(t -> log.printf(Locale.ROOT, "predict: search settings tuned by eval (%s filter, evidence weight "
                + "%.2f, label-text weight %.2f, VCMR tau %.3f, %d moments per video); using evidence weight %.2f, "
                + "tau %.3f%n", t.filter(), t.evidenceWeight(), labelText, t.vrTemperature(), t.momentsPerVideo(), weight,
                tau));
        return defaults.withEvidenceVrWeight(weight).withVideoEvidenceVrWeight(labelText).withVrTemperature(tau)
                .withMomentsPerVideo(perVideo);
    }
}
