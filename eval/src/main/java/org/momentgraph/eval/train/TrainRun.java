package org.momentgraph.eval.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.encoders.data.GraphStreamBuilder;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.inference.LoadedRetriever;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.model.Stream;
import org.momentgraph.encoders.modeldir.TrainInfo;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.train.ProgressBar;
import org.momentgraph.encoders.train.RetrievalTrainer;
import org.momentgraph.encoders.train.TrainResult;

/**
 * One {@code momentgraph train} run: assemble the dataset, train with per-epoch validation (SVMR
 * R@1 IoU 0.5/0.7, VR R@1/R@10 on "val"), then load the saved model directory and score the
 * evaluation splits with VR, SVMR and VCMR, overall and per difficulty, into {@code report.json}.
 */
public final class TrainRun {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> EPOCH_METRICS = List.of("SVMR R1@0.5", "SVMR R1@0.7", "VR R1", "VR R10");

    private TrainRun() {
    }

    public static ObjectNode run(TrainRunConfig config, Path out, boolean resume, PrintStream log) {
        try (MiniLmTextEncoder text = MiniLmTextEncoder.builder().build()) {
            DatasetAssembler.Assembled data = new DatasetAssembler(text, log)
                    .assemble(config.dataset(), config.subtitle(), config.graph(), out);
            TrainingSet set = data.set();
            ModelConfig model = config.model().withStreams(set.dim(Stream.VISUAL),
                    config.subtitle() ? set.dim(Stream.SUBTITLE) : 0, config.graph() ? set.dim(Stream.GRAPH) : 0);
            TrainInfo info = new TrainInfo(data.type(), data.name(), config.train().seed(), config.train().epochs(), 0,
                    model.streams().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList(), data.clipLength(),
                    TrainInfo.MINILM, TrainInfo.MINILM,
                    config.graph() ? GraphStreamBuilder.relationVocabulary() : List.of(),
                    config.graph() ? GraphStreamBuilder.TRIPLE_BUCKETS : 0, config.train().maxClips(),
                    set.longestMoment("train"));
            RetrievalEvaluation perEpoch = new RetrievalEvaluation(false, config.loss().videoTemperature());
            TrainResult result = RetrievalTrainer.builder().model(model).loss(config.loss()).train(config.train())
                    .info(info).data(set).output(out).resume(resume).progress(ProgressBar.auto(log))
                    .validator(retriever -> {
                        Map<String, Double> all = perEpoch.evaluate(retriever, set, "val").getOrDefault("all", Map.of());
                        Map<String, Double> picked = new LinkedHashMap<>();
                        EPOCH_METRICS.forEach(k -> picked.put("val " + k, all.getOrDefault(k, Double.NaN)));
                        return picked;
                    })
                    .build().train();
            ObjectNode report = MAPPER.createObjectNode();
            report.put("dataset", data.name());
            report.set("streams", MAPPER.valueToTree(info.streams()));
            report.put("trainQueries", set.split("train").size());
            report.put("epochs", config.train().epochs());
            report.put("trainSeconds", result.trainSeconds());
            report.put("queriesPerSecond", result.queriesPerSecond());
            report.put("peakHeapMiB", result.peakHeapBytes() / 1048576.0);
            report.put("peakRssMiB", result.peakRssBytes() / 1048576.0);
            report.put("parameters", parameterCount(result.modelDir()));
            ObjectNode splits = report.putObject("evaluation");
            RetrievalEvaluation full = new RetrievalEvaluation(true, config.loss().videoTemperature());
            try (LoadedRetriever retriever = LoadedRetriever.load(result.modelDir(), text)) {
                for (String split : config.evaluate()) {
                    long started = System.nanoTime();
                    Map<String, Map<String, Double>> scores = full.evaluate(retriever, set, split);
                    splits.set(split, MAPPER.valueToTree(scores));
                    log.printf(Locale.ROOT, "%s (%d queries, %d videos, %.1f s): %s%n", split, set.split(split).size(),
                            set.corpus(split).size(), (System.nanoTime() - started) / 1e9, summary(scores.get("all")));
                    scores.forEach((group, s) -> {
                        if (!group.equals("all")) {
                            log.printf(Locale.ROOT, "  %s: %s%n", group, summary(s));
                        }
                    });
                }
            }
            AtomicFiles.writeString(out.resolve("report.json"), MAPPER.writeValueAsString(report) + "\n");
            return report;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long parameterCount(Path modelDir) {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager("PyTorch")) {
            long n = 0;
            for (var p : org.momentgraph.encoders.modeldir.ModelDirectory.open(modelDir).loadModel(manager)
                    .getParameters()) {
                n += p.getValue().getArray().size();
            }
            return n;
        }
    }

    private static String summary(Map<String, Double> s) {
        if (s == null) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        for (String key : List.of("SVMR R1@0.5", "SVMR R1@0.7", "VR R1", "VR R10", "VCMR R1@0.5", "VCMR R10@0.5")) {
            if (s.containsKey(key)) {
                parts.add(String.format(Locale.ROOT, "%s %.2f", key, s.get(key)));
            }
        }
        return String.join(", ", parts);
    }
}
