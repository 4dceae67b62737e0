package org.momentgraph.server.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.server.InvalidInputException;

/**
 * MomentGraph's JSON object form of one frame's detections:
 * {@code {"t": 3.5, "objects": [{"label": "cup", "score": 0.9, "box": [x1, y1, x2, y2]}]}}.
 * Errors name the JSON path below the frame ({@code objects[2].box}); callers prefix it.
 */
public final class DetectionsJson {

    private DetectionsJson() {
    }

    public static FrameDetections read(JsonNode frame, String video) {
        if (frame == null || !frame.isObject()) {
            throw new InvalidInputException(null, "expected an object {\"t\", \"objects\"}");
        }
        double t = number(frame.get("t"), "t");
        JsonNode objects = frame.get("objects");
        if (objects == null || !objects.isArray()) {
            throw new InvalidInputException("objects", "expected an array of {\"label\", \"score\", \"box\"}");
        }
        List<Detection> out = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            out.add(detection(objects.get(i), "objects[" + i + "]"));
        }
        return new FrameDetections(video, t, out);
    }

    private static Detection detection(JsonNode o, String path) {
        if (!o.isObject()) {
            throw new InvalidInputException(path, "expected an object {\"label\", \"score\", \"box\"}");
        }
        JsonNode label = o.get("label");
        if (label == null || !label.isTextual() || label.asText().isBlank()) {
            throw new InvalidInputException(path + ".label", "expected a non-empty string");
        }
        double score = number(o.get("score"), path + ".score");
        JsonNode box = o.get("box");
        if (box == null || !box.isArray() || box.size() != 4) {
            throw new InvalidInputException(path + ".box", "expected [x1, y1, x2, y2]");
        }
        double[] c = new double[4];
        for (int i = 0; i < 4; i++) {
            c[i] = number(box.get(i), path + ".box[" + i + "]");
        }
        if (!(c[2] >= c[0] && c[3] >= c[1])) {
            throw new InvalidInputException(path + ".box", "needs x1 <= x2 and y1 <= y2");
        }
        return new Detection(label.asText(), score, new Box(c[0], c[1], c[2], c[3]));
    }

    private static double number(JsonNode n, String field) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new InvalidInputException(field, "expected a finite number");
        }
        return n.asDouble();
    }

    public static ObjectNode write(FrameDetections frame) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("t", frame.t());
        var objects = out.putArray("objects");
        for (Detection d : frame.objects()) {
            ObjectNode o = objects.addObject();
            o.put("label", d.label());
            o.put("score", d.score());
            o.putArray("box").add(d.box().x1()).add(d.box().y1()).add(d.box().x2()).add(d.box().y2());
        }
        return out;
    }
}
