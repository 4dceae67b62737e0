package org.momentgraph.eval.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;

/**
 * MomentGraph's detections file: JSON Lines, one frame a line,
 * {@code {"video": "v1", "t": 1.5, "objects": [{"label": "cup", "score": 0.9, "box": [x1, y1, x2, y2]}]}}
 * with {@code t} in seconds and boxes in pixels (top-left, bottom-right). See docs/formats.md.
 */
public final class DetectionsJsonl {

    private DetectionsJsonl() {
    }

    /** Calls {@code action} for every frame of {@code path}, holding one line at a time. */
    public static void forEach(Path path, Consumer<FrameDetections> action) {
        JsonLines.forEach(path, line -> action.accept(parse(line.record(), line.fields())));
    }

    /** The frames of {@code path}, read lazily; close the stream (try-with-resources) when done. */
    public static Stream<FrameDetections> stream(Path path) {
        JsonLines lines = JsonLines.open(path);
        Spliterator<JsonLines.Line> split = Spliterators.spliteratorUnknownSize(lines, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(split, false)
                .map(line -> parse(line.record(), line.fields()))
                .onClose(lines::close);
    }

    /** All frames of {@code path} per video (videos in first-seen order), each list sorted by t. */
    public static Map<String, List<FrameDetections>> readByVideo(Path path) {
        Map<String, List<FrameDetections>> byVideo = new LinkedHashMap<>();
        forEach(path, frame -> byVideo.computeIfAbsent(frame.video(), v -> new ArrayList<>()).add(frame));
        byVideo.replaceAll((video, frames) -> {
            frames.sort(Comparator.comparingDouble(FrameDetections::t));
            return List.copyOf(frames);
        });
        return byVideo;
    }

    static FrameDetections parse(JsonNode record, JsonFields fields) {
        String video = fields.nonBlankText(record, "video");
        double t = fields.nonNegativeNumber(record, "t");
        JsonNode objects = fields.array(record, "objects");
        List<Detection> detections = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            JsonFields object = fields.nested("objects[" + i + "]");
            JsonNode node = objects.get(i);
            if (!node.isObject()) {
                throw object.error(null, "expected an object, got " + JsonFields.describe(node));
            }
            String label = object.nonBlankText(node, "label");
            double score = object.finiteNumber(node, "score");
            if (score < 0 || score > 1) {
                throw object.error("score", "expected a number in [0, 1], got " + score);
            }
            double[] box = object.finiteNumbers(node, "box", 4);
            if (box[0] > box[2] || box[1] > box[3]) {
                throw object.error("box", "expected [x1, y1, x2, y2] with x1 <= x2 and y1 <= y2, got ["
                        + box[0] + ", " + box[1] + ", " + box[2] + ", " + box[3] + "]");
            }
            detections.add(new Detection(label, score, new Box(box[0], box[1], box[2], box[3])));
        }
        return new FrameDetections(video, t, detections);
    }

    /** Writes {@code frames} to {@code path} atomically (all or nothing). */
    public static void write(Path path, Iterable<FrameDetections> frames) {
        try (Writer writer = writer(path)) {
            try {
                for (FrameDetections frame : frames) {
                    writer.write(frame);
                }
            } catch (RuntimeException e) {
                writer.abort();
                throw e;
            }
        }
    }

    /** Opens a streaming writer to {@code path}; the file appears (atomically) on close. */
    public static Writer writer(Path path) {
        return new Writer(path);
    }

    /**
     * Writes frames one at a time through a {@link JsonlWriter}: the file appears (renamed over the
     * target) on {@link #close()}, so a crash (or {@link #abort()}) leaves the old file untouched.
     * A frame that breaks the format is rejected with an IllegalArgumentException, and a writer that
     * failed (bad frame or I/O error) discards its temporary file on close instead of publishing a
     * partial file. Callers that fail for their own reasons should call {@link #abort()} before close.
     */
    public static final class Writer implements AutoCloseable {

        private final JsonlWriter lines;

        private Writer(Path target) {
            this.lines = JsonlWriter.open(target);
        }

        /** Appends one frame (one line); throws IllegalArgumentException if it breaks the format. */
        public void write(FrameDetections frame) {
            lines.write(json -> {
                check(frame);
                json.writeStringField("video", frame.video());
                json.writeNumberField("t", frame.t());
                json.writeArrayFieldStart("objects");
                for (Detection d : frame.objects()) {
                    json.writeStartObject();
                    json.writeStringField("label", d.label());
                    json.writeNumberField("score", d.score());
                    json.writeArrayFieldStart("box");
                    json.writeNumber(d.box().x1());
                    json.writeNumber(d.box().y1());
                    json.writeNumber(d.box().x2());
                    json.writeNumber(d.box().y2());
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
            });
        }

        /** Frames written so far. */
        public long frames() {
            return lines.lines();
        }

        /** Discards everything written: close will leave the target as it was. */
        public void abort() {
            lines.abort();
        }

        /** Publishes the file (renames the temporary file over the target), unless aborted or failed. */
        @Override
        public void close() {
            lines.close();
        }

        private static void check(FrameDetections frame) {
            if (frame.video() == null || frame.video().isBlank()) {
                throw new IllegalArgumentException("frame needs a non-blank video id");
            }
            if (!Double.isFinite(frame.t()) || frame.t() < 0) {
                throw new IllegalArgumentException("frame of " + frame.video() + " needs a finite t >= 0, got " + frame.t());
            }
            for (Detection d : frame.objects()) {
                String where = "detection in " + frame.video() + " at t=" + frame.t();
                if (d.label() == null || d.label().isBlank()) {
                    throw new IllegalArgumentException(where + " needs a non-blank label");
                }
                if (!(d.score() >= 0 && d.score() <= 1)) {
                    throw new IllegalArgumentException(where + " needs a score in [0, 1], got " + d.score());
                }
                Box b = d.box();
                if (b == null || !(Double.isFinite(b.x1()) && Double.isFinite(b.y1()) && Double.isFinite(b.x2()) && Double.isFinite(b.y2()))) {
                    throw new IllegalArgumentException(where + " needs a box of finite numbers, got " + b);
                }
            }
        }
    }
}
