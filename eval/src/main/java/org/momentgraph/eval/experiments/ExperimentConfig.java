package org.momentgraph.eval.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.ConfigJson;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.pipeline.PipelineConfig;
import org.momentgraph.encoders.train.TrainConfig;

/**
 * An {@code eval}/{@code ablate} config (JSON). Example:
 * <pre>{@code
 * {"dataset": {"type": "synthetic", "generate": {"videos": 400, "seed": 7}},
 *  "streams": {"visual": true, "subtitle": false, "graph": true},
 *  "model": {"hiddenSize": 128, "ffnSize": 256, "convChannels": 32},
 *  "loss": {}, "train": {"epochs": 6, "batchSize": 32, "learningRate": 0.001},
 *  "filter": "label-bag", "pipeline": {"keepFraction": 0.3, "alpha": 1.0, "vcmrVideos": 50},
 *  "evidenceWeights": [0, 0.25, 0.5, 1, 2], "folds": 5, "out": "runs/eval"}
 * }</pre>
 * {@code dataset} is {@code {"type": "synthetic", "dir": CORPUS}} or {@code {"type": "synthetic",
 * "generate": {...}}} or {@code {"type": "tvr-tvqaplus", "queries": FILE, "boxes": FILE}} (both
 * optional: the shared data by default). {@code model}, {@code loss} and {@code train} take the fields of
 * {@link ModelConfig}, {@link LossConfig} and {@link TrainConfig}; absent fields keep their defaults.
 * {@code evidenceWeights}: candidate weights of the clip evidence in the VR score, chosen on held-in
 * data only (synthetic: the val split; TVR: held-out training episodes of each fold, see {@code tuneFolds}).
 * {@code labelTextWeights} (default {@code [0]}, off): candidate weights of a second VR term, the cosine of
 * the query with the video's joined object labels ({@link org.momentgraph.encoders.pipeline.LabelTextEvidence}),
 * tuned jointly with {@code evidenceWeights} on the same held-in queries.
 * {@code filter}: the clip evidence that screens clips before localisation, one of {@code "graph"} (the
 * trained graph filter, trained per split/fold on its training queries), {@code "presence"}, {@code "label-bag"} (default) or
 * {@code "none"}; or an object {@code {"type": "graph", "steps": 300, "hidden": 32, "rounds": 2, "seed": 7}}
 * that also sets the graph filter's training ({@link GraphFilterTraining}). {@code vrTemperatures}:
 * candidate τ of VCMR's {@code softmax(vr / τ)} over the candidate videos, chosen on the same held-in
 * queries after the evidence weight (default: the pipeline's τ alone). Why tune it: the evidence term
 * changes the spread of VR scores, and a τ too small for that spread puts every VCMR slot in one video.
 * {@code momentsPerVideo}: candidate caps on the moments one video may put into the VCMR ranking, chosen
 * after τ by the same measure (default: the pipeline's 10). A sharp τ that wins R@1 fills all ten R@10
 * slots from the best video; a cap hands the later slots to the next videos' best moments.
 * {@code tuneFolds} (TVR, default 5): each fold holds out 1/tuneFolds of its training episodes, trains on
 * the rest and tunes w and τ on the held-out episodes' queries; 0 tunes on the training queries
 * themselves, which the model has fitted, so it picks settings that trust the model too much.
 */
public record ExperimentConfig(String datasetType, Path datasetDir, int generateVideos, long generateSeed,
        Path queries, Path boxes, boolean subtitle, boolean graph, ModelConfig model, LossConfig loss,
        TrainConfig train, ClipFilterKind filter, GraphFilterTraining filterTraining, PipelineConfig pipeline,
        List<Double> evidenceWeights, List<Double> labelTextWeights, List<Double> vrTemperatures,
        List<Integer> momentsPerVideo, int folds, int tuneFolds, Path out) {

    public ExperimentConfig {
        if (tuneFolds == 1 || tuneFolds < 0) {
            throw new IllegalArgumentException("tuneFolds must be 0 (tune on the training queries) or >= 2, got "
                    + tuneFolds);
        }
    }

    public static ExperimentConfig read(Path file) {
        String source = file.toString();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new DataFormatException(source, "file", null, "cannot read JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(source, "$", null, "expected a JSON object");
        }
        JsonNode dataset = root.path("dataset");
        String type = dataset.path("type").asText("");
        Path dir = null;
        int videos = 0;
        long seed = 7;
        Path queries = null;
        Path boxes = null;
        switch (type) {
            case "synthetic" -> {
                if (dataset.has("dir") == dataset.has("generate")) {
                    throw new DataFormatException(source, "$.dataset", "dir", "give exactly one of \"dir\" or \"generate\"");
                }
                if (dataset.has("dir")) {
                    dir = Path.of(dataset.get("dir").asText());
                } else {
                    videos = dataset.path("generate").path("videos").asInt(0);
                    seed = dataset.path("generate").path("seed").asLong(7);
                    if (videos < 20) {
                        throw new DataFormatException(source, "$.dataset.generate.videos", "videos", "need >= 20 videos");
                    }
                }
            }
            case "tvr-tvqaplus" -> {
                queries = dataset.hasNonNull("queries") ? Path.of(dataset.get("queries").asText()) : null;
                boxes = dataset.hasNonNull("boxes") ? Path.of(dataset.get("boxes").asText()) : null;
                if ((queries == null) != (boxes == null)) {
                    throw new DataFormatException(source, "$.dataset", "boxes", "give both \"queries\" and \"boxes\" or neither");
                }
            }
            default -> throw new DataFormatException(source, "$.dataset.type", "type",
                    "expected \"synthetic\" or \"tvr-tvqaplus\", got '" + type + "'");
        }
        JsonNode streams = root.path("streams");
        boolean tvr = type.equals("tvr-tvqaplus");
        ModelConfig model = ConfigJson.read(root.path("model").isObject() ? root.get("model").toString() : "{}",
                source + " $.model", ModelConfig.defaults().withSize(128, 1, 4, 256), ModelConfig.class);
        LossConfig loss = ConfigJson.read(root.path("loss").isObject() ? root.get("loss").toString() : "{}",
                source + " $.loss", LossConfig.defaults(), LossConfig.class);
        TrainConfig train = ConfigJson.read(root.path("train").isObject() ? root.get("train").toString() : "{}",
                source + " $.train", TrainConfig.defaults().withEpochs(6), TrainConfig.class);
        JsonNode p = root.path("pipeline");
        PipelineConfig pipeline = PipelineConfig.defaults()
                .withFilter(p.path("keepFraction").asDouble(0.3), p.path("alpha").asDouble(1.0))
                .withVcmrVideos(p.path("vcmrVideos").asInt(50)).withExplainTop(0);
        List<Double> weights = new ArrayList<>();
        if (root.has("evidenceWeights")) {
            if (!root.get("evidenceWeights").isArray()) {
                throw new DataFormatException(source, "$.evidenceWeights", "evidenceWeights", "expected an array of numbers");
            }
            root.get("evidenceWeights").forEach(w -> weights.add(w.asDouble()));
        } else {
            weights.addAll(List.of(0.0, 0.25, 0.5, 1.0, 2.0));
        }
        List<Double> labelText = candidates(root, source, "labelTextWeights", w -> w.isNumber() && w.asDouble() >= 0,
                JsonNode::asDouble, "a number >= 0", 0.0);
        List<Double> temperatures = candidates(root, source, "vrTemperatures", t -> t.isNumber() && t.asDouble() > 0,
                JsonNode::asDouble, "a positive number", pipeline.vrTemperature());
        List<Integer> perVideo = candidates(root, source, "momentsPerVideo", m -> m.isInt() && m.asInt() >= 1,
                JsonNode::asInt, "an integer >= 1", pipeline.momentsPerVideo());
        JsonNode filterNode = root.path("filter");
        ClipFilterKind filter = filterKind(source, filterNode);
        GraphFilterTraining filterTraining = filterTraining(source, filterNode);
        return new ExperimentConfig(type, dir, videos, seed, queries, boxes,
                !tvr && streams.path("subtitle").asBoolean(false), !tvr && streams.path("graph").asBoolean(true),
                model, loss, train, filter, filterTraining, pipeline, List.copyOf(weights), labelText, temperatures,
                perVideo, root.path("folds").asInt(5), tuneFolds(source, root),
                Path.of(root.path("out").asText("runs/eval")));
    }

    /** A config that only names a dataset and its streams (what {@code predict} needs). */
    public static ExperimentConfig forDataset(String type, Path dir, Path queries, Path boxes, boolean subtitle,
            boolean graph, ClipFilterKind filter, Path out) {
        return new ExperimentConfig(type, dir, 0, 0, queries, boxes, subtitle, graph, ModelConfig.defaults(),
                LossConfig.defaults(), TrainConfig.defaults(), filter, GraphFilterTraining.defaults(),
                PipelineConfig.defaults().withExplainTop(0),
                List.of(0.0), List.of(0.0), List.of(PipelineConfig.defaults().vrTemperature()),
                List.of(PipelineConfig.defaults().momentsPerVideo()), 1, 0, out);
    }

    /**
     * The candidates at {@code $.field}: a non-empty array whose items pass {@code valid}; an error names the
     * first bad item. Absent: {@code fallback} alone.
     */
    private static <T> List<T> candidates(JsonNode root, String source, String field, Predicate<JsonNode> valid,
            Function<JsonNode, T> value, String what, T fallback) {
        if (!root.has(field)) {
            return List.of(fallback);
        }
        JsonNode array = root.get(field);
        if (!array.isArray() || array.isEmpty()) {
            throw new DataFormatException(source, "$." + field, field, "expected a non-empty array, each " + what);
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!valid.test(array.get(i))) {
                throw new DataFormatException(source, "$." + field + "[" + i + "]", field,
                        "expected " + what + ", got " + array.get(i));
            }
            out.add(value.apply(array.get(i)));
        }
        return List.copyOf(out);
    }

    private static int tuneFolds(String source, JsonNode root) {
        JsonNode n = root.path("tuneFolds");
        if (n.isMissingNode()) {
            return 5;
        }
        if (!n.isInt() || n.asInt() == 1 || n.asInt() < 0) {
            throw new DataFormatException(source, "$.tuneFolds", "tuneFolds",
                    "expected 0 (tune on the training queries) or an integer >= 2, got " + n);
        }
        return n.asInt();
    }

    public boolean tvr() {
        return datasetType.equals("tvr-tvqaplus");
    }

    private static ClipFilterKind filterKind(String source, JsonNode node) {
        String location = "$.filter";
        JsonNode name = node;
        if (node.isObject()) {
            location = "$.filter.type";
            name = node.path("type");
        }
        if (name.isMissingNode() || name.isNull()) {
            return ClipFilterKind.LABEL_BAG;
        }
        try {
            if (!name.isTextual()) {
                throw new IllegalArgumentException("expected one of " + ClipFilterKind.names() + " or an object with "
                        + "\"type\", got " + name);
            }
            return ClipFilterKind.of(name.asText());
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(source, location, "filter", e.getMessage());
        }
    }

    private static GraphFilterTraining filterTraining(String source, JsonNode node) {
        GraphFilterTraining d = GraphFilterTraining.defaults();
        if (!node.isObject()) {
            return d;
        }
        for (String field : List.of("steps", "hidden", "rounds", "seed")) {
            if (node.has(field) && !node.get(field).canConvertToLong()) {
                throw new DataFormatException(source, "$.filter." + field, field, "expected an integer, got " + node.get(field));
            }
        }
        try {
            return new GraphFilterTraining(node.path("steps").asInt(d.steps()), node.path("hidden").asInt(d.hidden()),
                    node.path("rounds").asInt(d.rounds()), node.path("seed").asLong(d.seed()));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(source, "$.filter", "filter", e.getMessage());
        }
    }
}
