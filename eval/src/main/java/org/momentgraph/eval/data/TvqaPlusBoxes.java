package org.momentgraph.eval.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;

/**
 * TVQA+ box files (e.g. tvqa_plus_dev_boxes.json): a JSON list of QA records, each with
 * {@code vid_name} and {@code bbox}, a map from frame number (3 fps, numbered from 1) to human-drawn
 * boxes {@code {"img_id", "top", "left", "width", "height", "label"}}. Several QA records cover the
 * same clip, so a clip's detections are the union of its records' boxes, de-duplicated per frame.
 * Frames with an empty list were looked at and hold no box: they are kept, with no objects. Boxes
 * are human-drawn, so every score is 1.
 */
public final class TvqaPlusBoxes {

    /** TVQA+ samples frames at 3 fps. */
    public static final double FPS = 3.0;

    private static final Pattern FRAME_NUMBER = Pattern.compile("[1-9][0-9]{0,8}");

    /**
     * What a box file holds.
     *
     * @param byClip  per clip id (sorted), its annotated frames sorted by time
     * @param labels  every box label seen (sorted)
     * @param records how many QA records the file has
     */
    public record Annotations(Map<String, List<FrameDetections>> byClip, SortedSet<String> labels, int records) {

        public Annotations {
            byClip = Collections.unmodifiableMap(new TreeMap<>(byClip));
            labels = Collections.unmodifiableSortedSet(new TreeSet<>(labels));
        }

        /** The annotated frames of {@code clip}, or an empty list when the file has none. */
        public List<FrameDetections> frames(String clip) {
            return byClip.getOrDefault(clip, List.of());
        }
    }

    private TvqaPlusBoxes() {
    }

    /** Time in seconds of TVQA+ frame {@code frame} (1-based). */
    public static double secondsOfFrame(int frame) {
        return (frame - 1) / FPS;
    }

    public static Annotations read(Path path) {
        Map<String, SortedMap<Integer, Set<Detection>>> clips = new LinkedHashMap<>();
        SortedSet<String> labels = new TreeSet<>();
        int[] records = {0};
        JsonRecords.forEachInArray(path, (key, record, fields) -> {
            fields.requireObject(record);
            String clip = fields.nonBlankText(record, "vid_name");
            JsonNode bbox = fields.object(record, "bbox");
            SortedMap<Integer, Set<Detection>> frames = clips.computeIfAbsent(clip, c -> new TreeMap<>());
            for (Iterator<Map.Entry<String, JsonNode>> it = bbox.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                String frameField = "bbox" + JsonFields.key(entry.getKey());
                if (!FRAME_NUMBER.matcher(entry.getKey()).matches()) {
                    throw fields.error(frameField, "expected a frame number (an integer >= 1) as key, got "
                            + JsonFields.quote(entry.getKey()));
                }
                if (!entry.getValue().isArray()) {
                    throw fields.error(frameField, "expected an array of boxes, got " + JsonFields.describe(entry.getValue()));
                }
                Set<Detection> boxes = frames.computeIfAbsent(Integer.parseInt(entry.getKey()), f -> new LinkedHashSet<>());
                for (int i = 0; i < entry.getValue().size(); i++) {
                    Detection detection = parseBox(entry.getValue().get(i), fields.nested(frameField + "[" + i + "]"));
                    boxes.add(detection);
                    labels.add(detection.label());
                }
            }
            records[0]++;
        });
        Map<String, List<FrameDetections>> byClip = new LinkedHashMap<>();
        clips.forEach((clip, frames) -> {
            List<FrameDetections> list = new ArrayList<>(frames.size());
            frames.forEach((frame, boxes) -> list.add(new FrameDetections(clip, secondsOfFrame(frame), List.copyOf(boxes))));
            byClip.put(clip, List.copyOf(list));
        });
        return new Annotations(byClip, labels, records[0]);
    }

    private static Detection parseBox(JsonNode box, JsonFields fields) {
        fields.requireObject(box);
        double left = fields.finiteNumber(box, "left");
        double top = fields.finiteNumber(box, "top");
        double width = fields.nonNegativeNumber(box, "width");
        double height = fields.nonNegativeNumber(box, "height");
        String label = fields.nonBlankText(box, "label").trim();
        return new Detection(label, 1.0, Box.ofLeftTopWidthHeight(left, top, width, height));
    }
}
