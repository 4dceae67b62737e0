package org.momentgraph.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.eval.features.Npy;
import org.momentgraph.server.InvalidInputException;
import org.momentgraph.server.NewVideo;
import org.momentgraph.server.corpus.DataRoot;
import org.momentgraph.server.corpus.DetectionsJson;

/**
 * The body of {@code POST /v1/videos}: {@code id}, {@code duration}, {@code clip_length}, either
 * {@code features} (inline rows) or {@code features_path} (a .npy file under the data root), and
 * {@code detections} (frames in MomentGraph's JSON object form).
 */
final class NewVideoJson {

    private NewVideoJson() {
    }

    static NewVideo read(JsonNode body, Optional<DataRoot> dataRoot) {
        String id = text(body, "id");
        double duration = number(body, "duration");
        double clipLength = number(body, "clip_length");
        JsonNode inline = body.get("features");
        JsonNode path = body.get("features_path");
        boolean hasInline = inline != null && !inline.isNull();
        boolean hasPath = path != null && !path.isNull();
        if (hasInline == hasPath) {
            throw new ApiError(400, "features", "give exactly one of features (inline rows) or features_path");
        }
        float[][] features = hasInline ? inlineFeatures(inline) : fileFeatures(path, dataRoot);
        return new NewVideo(id, duration, clipLength, features, detections(body.get("detections"), id));
    }

    private static float[][] inlineFeatures(JsonNode rows) {
        if (!rows.isArray() || rows.isEmpty()) {
            throw new ApiError(400, "features", "features must be a non-empty array of number arrays");
        }
        float[][] out = new float[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            JsonNode row = rows.get(r);
            if (!row.isArray()) {
                throw new ApiError(400, "features[" + r + "]", "expected an array of numbers");
            }
            out[r] = new float[row.size()];
            for (int c = 0; c < row.size(); c++) {
                JsonNode v = row.get(c);
                if (!v.isNumber()) {
                    throw new ApiError(400, "features[" + r + "][" + c + "]", "expected a number");
                }
                out[r][c] = v.floatValue();
            }
        }
        return out;
    }

    private static float[][] fileFeatures(JsonNode path, Optional<DataRoot> dataRoot) {
        if (!path.isTextual()) {
            throw new ApiError(400, "features_path", "features_path must be a string");
        }
        DataRoot root = dataRoot.orElseThrow(() -> new ApiError(400, "features_path",
                "server-side paths are disabled: start the server with a data root (--data-root)"));
        Path file = root.resolve("features_path", path.asText());
        try {
            return Npy.read(file);
        } catch (DataFormatException e) {
            // name the file as the client did, not by its server-side location
            throw new ApiError(400, "features_path", e.getMessage().replace(e.file(), path.asText()));
        } catch (java.io.UncheckedIOException e) {
            throw new ApiError(400, "features_path", "cannot read " + path.asText());
        }
    }

    private static List<FrameDetections> detections(JsonNode frames, String video) {
        if (frames == null || frames.isNull()) {
            return List.of();
        }
        if (!frames.isArray()) {
            throw new ApiError(400, "detections", "detections must be an array of {\"t\", \"objects\"}");
        }
        List<FrameDetections> out = new ArrayList<>(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            try {
                out.add(DetectionsJson.read(frames.get(i), video));
            } catch (InvalidInputException e) {
                String at = "detections[" + i + "]";
                throw new ApiError(400, e.field() == null ? at : at + "." + e.field(),
                        e.getMessage());
            }
        }
        return out;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new ApiError(400, field, field + " is required and must be a string");
        }
        return v.asText();
    }

    private static double number(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isNumber()) {
            throw new ApiError(400, field, field + " is required and must be a number");
        }
        return v.asDouble();
    }
}
