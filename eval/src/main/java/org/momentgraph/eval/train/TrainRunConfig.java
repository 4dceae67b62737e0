package org.momentgraph.eval.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.train.TrainConfig;

/**
 * The JSON file of {@code momentgraph train}:
 * <pre>{@code
 * {
 *   "dataset": {"type": "synthetic", "generate": {"videos": 300, "seed": 7}},   // or "dir": "runs/synthetic"
 *   "streams": {"visual": true, "subtitle": true, "graph": true},
 *   "model": {"hiddenSize": 128, "layers": 1},          // ModelConfig overrides (stream widths come from the data)
 *   "loss": {"localization": {"enabled": true, "weight": 0.05}},
 *   "epochs": 8, "batchSize": 32, "learningRate": 5e-4, "seed": 7, "maxClips": 128,
 *   "evaluate": ["val", "test"]
 * }
 * }</pre>
 * Every other top-level field is a {@link TrainConfig} field; unknown fields are errors with their
 * JSON path.
 */
public record TrainRunConfig(DatasetSpec dataset, boolean visual, boolean subtitle, boolean graph, ModelConfig model,
        LossConfig loss, TrainConfig train, List<String> evaluate) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> OWN = Set.of("dataset", "streams", "model", "loss", "evaluate");

    public static TrainRunConfig read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new DataFormatException(file.toString(), "$", null, "not valid JSON: " + e.getMessage(), e);
        }
        return parse(root, file.toString());
    }

    public static TrainRunConfig parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new DataFormatException(source, "$", null, "expected a JSON object");
        }
        if (!root.has("dataset")) {
            throw new DataFormatException(source, "$.dataset", "dataset", "missing: name the dataset to train on");
        }
        DatasetSpec dataset = DatasetSpec.parse(root.get("dataset"), source);
        JsonNode streams = root.path("streams");
        boolean visual = flag(streams, "visual", true, source);
        if (!visual) {
            throw new DataFormatException(source, "$.streams.visual", "visual", "the visual stream cannot be turned off");
        }
        boolean subtitle = flag(streams, "subtitle", true, source);
        boolean graph = flag(streams, "graph", true, source);
        if (!streams.isMissingNode()) {
            streams.fieldNames().forEachRemaining(name -> {
                if (!Set.of("visual", "subtitle", "graph").contains(name)) {
                    throw new DataFormatException(source, "$.streams." + name, name,
                            "unknown stream; known: visual, subtitle, graph");
                }
            });
        }
        ModelConfig model = root.has("model") ? ModelConfig.fromJson(root.get("model"), source + " $.model")
                : ModelConfig.defaults();
        LossConfig loss = root.has("loss")
                ? LossConfig.fromJson(root.get("loss").toString(), source + " $.loss") : LossConfig.defaults();
        ObjectNode rest = ((ObjectNode) root).deepCopy();
        OWN.forEach(rest::remove);
        TrainConfig train = TrainConfig.fromJson(rest, source);
        List<String> evaluate = new ArrayList<>();
        root.path("evaluate").forEach(n -> evaluate.add(n.asText()));
        if (!root.has("evaluate")) {
            evaluate.addAll(List.of("val", "test"));
        }
        return new TrainRunConfig(dataset, visual, subtitle, graph, model, loss, train, List.copyOf(evaluate));
    }

    private static boolean flag(JsonNode streams, String name, boolean fallback, String source) {
        JsonNode n = streams.get(name);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new DataFormatException(source, "$.streams." + name, name, "expected true or false");
        }
        return n.asBoolean();
    }
}
