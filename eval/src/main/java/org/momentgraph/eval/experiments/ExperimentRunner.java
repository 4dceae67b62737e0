package org.momentgraph.eval.experiments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.tvr.BaselineResult;
import org.momentgraph.eval.tvr.EpisodeFold;
import org.momentgraph.eval.tvr.EpisodeFolds;
import org.momentgraph.eval.tvr.TvrBaselines;
import org.momentgraph.eval.tvr.TvrTvqaPlusDataset;

/**
 * Runs variants of a config and writes one metrics table ({@code metrics.md}) and its JSON
 * ({@code metrics.json}) into the config's {@code out} folder. Synthetic: train on "train", tune on
 * "val", score "test" (rows per difficulty). TVR/TVQA+: episode folds, train on k-1, score the held-out
 * fold over all clips, mean over folds, next to the {@code eval.tvr} baselines (rows per query type).
 */
public final class ExperimentRunner {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The tables and the JSON written. */
    public record Report(String markdown, ObjectNode json, Path jsonFile) {
    }

    private ExperimentRunner() {
    }

    /** @param model a trained model for every variant (synthetic only), or null to train each variant */
    public static Report run(ExperimentConfig config, List<Variant> variants, Path model, PrintStream log) {
        if (model != null && config.tvr()) {
            throw new IllegalArgumentException("--model cannot be used with tvr-tvqaplus: every episode fold trains its "
                    + "own model so that no test query was seen in training");
        }
        List<BaselineResult> rows = new ArrayList<>();
        ArrayNode details = MAPPER.createArrayNode();
        List<String> groups;
        // variants that differ only in their search (e.g. "no clip filter") search the model an earlier variant trained
        Map<Variant.Training, List<Path>> trained = new HashMap<>();
        try (MiniLmTextEncoder text = MiniLmTextEncoder.builder().build();
                Experiment experiment = new Experiment(config, text, log)) {
            if (config.tvr()) {
                TvrTvqaPlusDataset dataset = config.queries() == null ? TvrTvqaPlusDataset.load()
                        : TvrTvqaPlusDataset.load(config.queries(), config.boxes());
                TvrData data = new TvrData(dataset, text, log);
                List<EpisodeFold> folds = EpisodeFolds.split(dataset.queries(), config.folds(), EpisodeFolds.DEFAULT_SEED);
                for (Variant v : variants) {
                    List<Path> reused = trained.get(v.training());
                    List<Experiment.SplitOutcome> outcomes = new ArrayList<>();
                    for (EpisodeFold fold : folds) {
                        log.printf("== %s, fold %d/%d (%d training queries%s, %d test queries)%s%n", v.name(),
                                fold.index() + 1, folds.size(), fold.train().size(), config.tuneFolds() >= 2
                                        ? ", 1/" + config.tuneFolds() + " of their episodes held out for tuning" : "",
                                fold.test().size(), reusing(reused));
                        outcomes.add(experiment.run(data.fold(fold, config.tuneFolds()), v,
                                reused == null ? null : reused.get(fold.index()), config.tuneFolds() >= 2 ? "val" : "train",
                                config.out().resolve(v.name()).resolve("fold-" + fold.index()), Query::type));
                    }
                    trained.putIfAbsent(v.training(), outcomes.stream().map(Experiment.SplitOutcome::model).toList());
                    rows.add(row("model: " + v.name(), folds.size() + "-fold mean", dataset.queries().size(), outcomes));
                    details.add(detail(v, outcomes));
                }
                rows.addAll(TvrBaselines.run(dataset, TvrBaselines.baselines(dataset, text, new LabelEmbeddings(text)), folds));
                groups = List.of("all", "v", "t", "vt");
            } else {
                ExperimentData data = ExperimentData.synthetic(config, text, log);
                for (Variant v : variants) {
                    List<Path> reused = model != null ? List.of(model) : trained.get(v.training());
                    log.printf("== %s%s%n", v.name(), model != null ? "" : reusing(reused));
                    Experiment.SplitOutcome o = experiment.run(data, v, reused == null ? null : reused.get(0), "val",
                            config.out().resolve(v.name()), Experiment::groupOf);
                    trained.putIfAbsent(v.training(), List.of(o.model()));
                    rows.add(row(v.name(), "test split", data.groundTruth("test").size(), List.of(o)));
                    details.add(detail(v, List.of(o)));
                }
                groups = new ArrayList<>(rows.get(0).scores().keySet());
            }
        }
        String markdown = MetricsTable.markdown(rows, groups);
        ObjectNode json = MAPPER.createObjectNode();
        json.put("dataset", config.datasetType());
        ArrayNode results = json.putArray("results");
        rows.forEach(r -> results.add(r.toJson()));
        json.set("variants", details);
        Path file = config.out().resolve("metrics.json");
        try {
            AtomicFiles.writeString(file, MAPPER.writeValueAsString(json));
            AtomicFiles.writeString(config.out().resolve("metrics.md"), markdown);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Report(markdown, json, file);
    }

    private static String reusing(List<Path> models) {
        return models == null ? "" : " (same training as an earlier variant: reusing its model " + models.get(0) + ")";
    }

    private static BaselineResult row(String name, String protocol, int queries, List<Experiment.SplitOutcome> outcomes) {
        List<Map<String, Map<String, Double>>> perFold = outcomes.stream().map(Experiment.SplitOutcome::scores).toList();
        return new BaselineResult(name, protocol, queries, GroupedScores.mean(perFold), outcomes.size() > 1 ? perFold : List.of());
    }

    private static ObjectNode detail(Variant v, List<Experiment.SplitOutcome> outcomes) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("variant", v.name());
        n.put("graphStream", v.graphStream());
        n.put("clipFilter", v.filter().jsonName());
        n.put("skippedSteps", outcomes.stream().mapToInt(Experiment.SplitOutcome::skippedSteps).sum());
        n.put("trainSeconds", outcomes.stream().mapToDouble(Experiment.SplitOutcome::trainSeconds).sum());
        ArrayNode models = n.putArray("models");
        outcomes.forEach(o -> models.add(o.model().toString()));
        ArrayNode weights = n.putArray("evidenceWeights");
        outcomes.forEach(o -> weights.add(o.evidenceWeight()));
        ArrayNode labelText = n.putArray("labelTextWeights");
        outcomes.forEach(o -> labelText.add(o.labelTextWeight()));
        ArrayNode temperatures = n.putArray("vrTemperatures");
        outcomes.forEach(o -> temperatures.add(o.vrTemperature()));
        ArrayNode perVideo = n.putArray("momentsPerVideo");
        outcomes.forEach(o -> perVideo.add(o.momentsPerVideo()));
        n.put("clipsLocalisedPerQuery", outcomes.stream().mapToDouble(Experiment.SplitOutcome::scoredClipsPerQuery)
                .average().orElse(0));
        ArrayNode files = n.putArray("submissions");
        outcomes.forEach(o -> files.add(o.submission().toString()));
        return n;
    }
}
