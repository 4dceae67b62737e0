package org.momentgraph.eval.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.modeldir.TunedSearch;
import org.momentgraph.eval.filter.FilterCurves;
import org.momentgraph.eval.predictions.TvrSubmissionJson;
import org.momentgraph.eval.predictions.TvrTask;
import org.momentgraph.eval.synthetic.CorpusWriter;
import org.momentgraph.eval.synthetic.SyntheticConfig;

/** The trained graph filter as an experiment's clip filter: config, screening, saved model, predict, ablations. */
class GraphFilterExperimentTest {

    @TempDir
    Path tmp;

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @Test
    void theGraphFilterIsTrainedOnTheTrainSplitScreensClipsAndIsSavedForPredict() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusWriter.write(SyntheticConfig.builder().videos(36).seed(11).dim(32).build(), corpus, (d, t, s) -> { });
        Path out = tmp.resolve("run");
        Path file = tmp.resolve("graph.json");
        Files.writeString(file, """
                {"dataset": {"type": "synthetic", "dir": "%s"},
                 "model": {"hiddenSize": 32, "layers": 1, "heads": 2, "ffnSize": 64, "convChannels": 8},
                 "train": {"epochs": 1, "batchSize": 16},
                 "filter": {"type": "graph", "steps": 25, "hidden": 16, "rounds": 1},
                 "pipeline": {"keepFraction": 0.3, "vcmrVideos": 50},
                 "evidenceWeights": [0], "labelTextWeights": [0, 2], "vrTemperatures": [0.05, 1.0],
                 "momentsPerVideo": [2, 10], "out": "%s"}
                """.formatted(corpus.toString().replace("\\", "/"), out.toString().replace("\\", "/")));
        ExperimentConfig config = ExperimentConfig.read(file);
        assertThat(config.filter()).isEqualTo(ClipFilterKind.GRAPH);
        assertThat(config.filterTraining().steps()).isEqualTo(25);

        Variant full = Variant.full(config);
        ExperimentRunner.Report report = ExperimentRunner.run(config,
                List.of(full, full.withFilter("no graph filter", ClipFilterKind.NONE)), null, QUIET);

        JsonNode variants = report.json().get("variants");
        assertThat(variants.get(0).get("clipFilter").asText()).isEqualTo("graph");
        assertThat(variants.get(1).get("clipFilter").asText()).isEqualTo("none");
        // the VCMR temperature is picked from the candidates on the val split, one per split
        assertThat(variants.get(0).get("vrTemperatures")).hasSize(1);
        assertThat(variants.get(0).get("vrTemperatures").get(0).asDouble()).isIn(0.05, 1.0);
        // so is the label-text weight, also for the variant without clip evidence
        assertThat(variants.get(0).get("labelTextWeights")).hasSize(1);
        assertThat(variants.get(1).get("labelTextWeights").get(0).asDouble()).isIn(0.0, 2.0);
        // "no graph filter" differs only in its search, so it searches the model "full" trained
        assertThat(variants.get(1).get("models")).isEqualTo(variants.get(0).get("models"));
        assertThat(variants.get(1).get("trainSeconds").asDouble()).isZero();
        double screened = variants.get(0).get("clipsLocalisedPerQuery").asDouble();
        double all = variants.get(1).get("clipsLocalisedPerQuery").asDouble();
        // keepFraction 0.3: VCMR localises only the clips' videos that survive the graph screen
        assertThat(screened).isPositive().isLessThan(all);
        assertThat(report.json().get("results")).hasSize(2)
                .allSatisfy(r -> assertThat(r.toString()).contains("VCMR 0.5-r10"));

        // the filter trained with the model lives in MODEL/filter, where predict (and the server) find it
        Path model = out.resolve("full").resolve("model");
        assertThat(model.resolve(ClipFilters.MODEL_DIR).resolve(FilterCurves.MODEL_NAME + ".config.json")).isRegularFile();
        assertThat(out.resolve("no graph filter").resolve("model").resolve(ClipFilters.MODEL_DIR)).doesNotExist();
        // so is the tau eval chose, which predict uses unless told otherwise
        TunedSearch tuned = TunedSearch.load(model).orElseThrow();
        assertThat(tuned.filter()).isEqualTo("graph");
        assertThat(tuned.vrTemperature()).isEqualTo(variants.get(0).get("vrTemperatures").get(0).asDouble());
        assertThat(tuned.momentsPerVideo()).isIn(2, 10).isEqualTo(variants.get(0).get("momentsPerVideo").get(0).asInt());
        assertThat(tuned.labelTextWeight()).isEqualTo(variants.get(0).get("labelTextWeights").get(0).asDouble());
        assertThat(PredictRun.searchSettings(model, ClipFilterKind.GRAPH, null, null, QUIET).videoEvidenceVrWeight())
                .isEqualTo(tuned.labelTextWeight());
        assertThat(PredictRun.searchSettings(model, ClipFilterKind.GRAPH, null, null, QUIET).momentsPerVideo())
                .isEqualTo(tuned.momentsPerVideo());
        assertThat(PredictRun.searchSettings(model, ClipFilterKind.GRAPH, null, null, QUIET).vrTemperature())
                .isEqualTo(tuned.vrTemperature());
        assertThat(PredictRun.searchSettings(model, ClipFilterKind.GRAPH, null, 0.3, QUIET).vrTemperature()).isEqualTo(0.3);
        // predict without --filter searches with the filter eval tuned the model with
        assertThat(PredictRun.defaultFilter(model)).isEqualTo(ClipFilterKind.GRAPH);
        Path predictions = tmp.resolve("pred.json");
        int n = PredictRun.predict(model, "synthetic", corpus, "test", null, null, predictions, "tvr",
                ClipFilterKind.GRAPH, null, 0.0, null, QUIET);
        assertThat(TvrSubmissionJson.read(predictions).predictions(TvrTask.VCMR)).hasSize(n);
        // the same model files without MODEL/filter: predict --filter graph must say where a filter comes from
        Path noFilter = Files.createDirectories(tmp.resolve("no-filter-model"));
        try (var files = Files.list(model)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, noFilter.resolve(f.getFileName()));
            }
        }
        // its tuned.json (copied alone) still names the graph filter, which is missing: the default falls back
        Files.createDirectories(noFilter.resolve(TunedSearch.DIR));
        Files.copy(model.resolve(TunedSearch.DIR).resolve(TunedSearch.FILE),
                noFilter.resolve(TunedSearch.DIR).resolve(TunedSearch.FILE));
        assertThat(PredictRun.defaultFilter(noFilter)).isEqualTo(ClipFilterKind.LABEL_BAG);
        assertThatThrownBy(() -> PredictRun.predict(noFilter, "synthetic", corpus, "test", null, null,
                tmp.resolve("x.json"), "tvr", ClipFilterKind.GRAPH, null, 0.0, null, QUIET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--filter-model");
    }

    @Test
    void badFilterNamesTheJsonPath() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}, \"filter\": \"graphs\"}");
        assertThatThrownBy(() -> ExperimentConfig.read(bad)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.filter").hasMessageContaining("graphs").hasMessageContaining("\"presence\"");
        Files.writeString(bad, "{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}, \"filter\": {\"type\": \"x\"}}");
        assertThatThrownBy(() -> ExperimentConfig.read(bad)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.filter.type");
        Files.writeString(bad, "{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}, \"filter\": {\"type\": \"graph\", "
                + "\"steps\": \"many\"}}");
        assertThatThrownBy(() -> ExperimentConfig.read(bad)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.filter.steps");
        Files.writeString(bad, "{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}, \"filter\": 3}");
        assertThatThrownBy(() -> ExperimentConfig.read(bad)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.filter");
    }

    @Test
    void oldFilterNamesStillReadAndAblationsDropTheGraphFilter() throws Exception {
        Path file = tmp.resolve("c.json");
        for (ClipFilterKind kind : ClipFilterKind.values()) {
            Files.writeString(file, "{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}, \"filter\": \""
                    + kind.jsonName() + "\"}");
            assertThat(ExperimentConfig.read(file).filter()).isEqualTo(kind);
        }
        Files.writeString(file, "{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}}");
        assertThat(ExperimentConfig.read(file).filter()).isEqualTo(ClipFilterKind.LABEL_BAG);
        assertThat(ExperimentConfig.read(file).filterTraining()).isEqualTo(GraphFilterTraining.defaults());

        Files.writeString(file, "{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}, \"filter\": \"graph\"}");
        List<Variant> variants = Ablations.of(ExperimentConfig.read(file));
        assertThat(variants).extracting(Variant::name).startsWith("full", "no graph filter", "no graph stream",
                "no graph (stream + filter)");
        assertThat(variants.get(0).filter()).isEqualTo(ClipFilterKind.GRAPH);
        assertThat(variants.get(1).filter()).isEqualTo(ClipFilterKind.NONE);
        assertThat(variants.get(2).filter()).isEqualTo(ClipFilterKind.GRAPH);
        assertThat(variants.subList(4, variants.size())).allSatisfy(v -> assertThat(v.filter()).isEqualTo(ClipFilterKind.GRAPH));

        for (String name : List.of("eval-synthetic.json", "eval-tvr.json")) {
            ExperimentConfig example = ExperimentConfig.read(Path.of("../examples", name));
            assertThat(example.filter()).as(name).isEqualTo(ClipFilterKind.GRAPH);
            assertThat(example.filterTraining()).as(name).isEqualTo(GraphFilterTraining.defaults());
        }
    }
}
