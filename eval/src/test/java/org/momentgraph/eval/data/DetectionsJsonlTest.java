package org.momentgraph.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.SharedData;

class DetectionsJsonlTest {

    private static final String GOOD = "{\"video\": \"v1\", \"t\": 1.5, \"objects\": ["
            + "{\"label\": \"cup\", \"score\": 0.9, \"box\": [10, 20, 30, 40]}, "
            + "{\"label\": \"laptop\", \"score\": 1, \"box\": [0, 0, 5, 5]}]}";

    @TempDir
    Path dir;

    private final List<FrameDetections> frames = List.of(
            new FrameDetections("v2", 0.5, List.of(new Detection("Sheldon", 1.0, Box.ofLeftTopWidthHeight(108, 36, 184, 321)))),
            new FrameDetections("v1", 2.0, List.of()),
            new FrameDetections("v1", 0.0, List.of(
                    new Detection("cup", 0.25, new Box(1.5, 2.25, 3.5, 4.0)),
                    new Detection("door", 0.875, new Box(0, 0, 0, 0)))),
            new FrameDetections("v2", 0.0, List.of()));

    @Test
    void roundTripsFramesInFileOrder() {
        Path file = dir.resolve("sub/detections.jsonl");

        DetectionsJsonl.write(file, frames);

        List<FrameDetections> back = new ArrayList<>();
        DetectionsJsonl.forEach(file, back::add);
        assertThat(back).isEqualTo(frames);
        try (Stream<FrameDetections> stream = DetectionsJsonl.stream(file)) {
            assertThat(stream.toList()).isEqualTo(frames);
        }
    }

    @Test
    void roundTripsTheRealTvqaPlusBoxes() {
        Map<String, List<FrameDetections>> boxes =
                TvqaPlusBoxes.read(SharedData.file("tvr_tvqaplus/tvqa_plus_dev_boxes.json")).byClip();
        Path file = dir.resolve("tvqa_plus_dev_detections.jsonl");

        DetectionsJsonl.write(file, boxes.values().stream().flatMap(List::stream).toList());

        Map<String, List<FrameDetections>> back = DetectionsJsonl.readByVideo(file);
        assertThat(back).hasSize(203).isEqualTo(boxes);
        assertThat(back.values().stream().mapToInt(List::size).sum()).isEqualTo(6_295);
    }

    @Test
    void groupsByVideoSortedByTime() {
        Path file = dir.resolve("detections.jsonl");
        DetectionsJsonl.write(file, frames);

        Map<String, List<FrameDetections>> byVideo = DetectionsJsonl.readByVideo(file);

        assertThat(byVideo.keySet()).containsExactly("v2", "v1");
        assertThat(byVideo.get("v1")).extracting(FrameDetections::t).containsExactly(0.0, 2.0);
        assertThat(byVideo.get("v2")).extracting(FrameDetections::t).containsExactly(0.0, 0.5);
        assertThat(byVideo.get("v1").get(0).objects()).hasSize(2);
    }

    @Test
    void streamingWriterPublishesOnlyOnClose() throws IOException {
        Path file = Files.writeString(dir.resolve("detections.jsonl"), GOOD + "\n");

        try (DetectionsJsonl.Writer writer = DetectionsJsonl.writer(file)) {
            writer.write(frames.get(0));
            writer.write(frames.get(1));
            assertThat(Files.readString(file)).isEqualTo(GOOD + "\n");
            assertThat(writer.frames()).isEqualTo(2);
        }

        assertThat(DetectionsJsonl.readByVideo(file).values().stream().mapToInt(List::size).sum()).isEqualTo(2);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("detections.jsonl");
        }
    }

    @Test
    void abortedOrFailedWritesLeaveTheOldFile() throws IOException {
        Path file = Files.writeString(dir.resolve("detections.jsonl"), GOOD + "\n");
        FrameDetections badScore = new FrameDetections("v1", 0, List.of(new Detection("cup", 1.5, new Box(0, 0, 1, 1))));
        FrameDetections badTime = new FrameDetections("v1", Double.NaN, List.of());
        FrameDetections infiniteBox = new FrameDetections("v1", 0,
                List.of(new Detection("cup", 0.5, new Box(0, 0, Double.POSITIVE_INFINITY, 1))));

        for (FrameDetections bad : List.of(badScore, badTime, infiniteBox)) {
            assertThatThrownBy(() -> DetectionsJsonl.write(file, List.of(frames.get(0), bad)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (DetectionsJsonl.Writer writer = DetectionsJsonl.writer(file)) {
            writer.write(frames.get(0));
            writer.abort();
        }

        assertThat(Files.readString(file)).isEqualTo(GOOD + "\n");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).hasSize(1);
        }
    }

    @Test
    void streamReadsLazilyAndStopsAtTheBadLine() throws IOException {
        Path file = Files.writeString(dir.resolve("detections.jsonl"), GOOD + "\n" + GOOD + "\n{\"video\": \"v1\", \"t\": -1");

        try (Stream<FrameDetections> stream = DetectionsJsonl.stream(file)) {
            Iterator<FrameDetections> it = stream.iterator();
            assertThat(it.next().objects()).extracting(Detection::label).containsExactly("cup", "laptop");
            assertThat(it.next().t()).isEqualTo(1.5);
            assertThatThrownBy(it::next).isInstanceOf(DataFormatException.class).hasMessageContaining("line 3");
        }
    }

    @Test
    void reportsTruncatedAndMalformedLines() throws IOException {
        DataFormatException truncated = failure(GOOD + "\n" + GOOD.substring(0, 50) + "\n");
        assertThat(truncated.location()).isEqualTo("line 2");
        assertThat(truncated.getMessage()).contains("malformed JSON");

        DataFormatException garbage = failure("\n" + GOOD + "\nvideo=v1 t=3\n");
        assertThat(garbage.location()).isEqualTo("line 3");
    }

    @Test
    void reportsMissingAndWronglyTypedFields() throws IOException {
        assertBad(GOOD.replace("\"video\": \"v1\", ", ""), "video", "missing");
        assertBad(GOOD.replace("\"v1\"", "\" \""), "video", "expected a non-blank string");
        assertBad(GOOD.replace("1.5", "\"abc\""), "t", "expected a number, got string \"abc\"");
        assertBad(GOOD.replace("1.5", "-0.5"), "t", "expected a number >= 0, got -0.5");
        assertBad(GOOD.replace("\"objects\": [", "\"objects\": {\"a\": [").replace("]}]}", "]}]}}"), "objects", "expected an array, got object");
        assertBad(GOOD.replace("\"cup\"", "7"), "objects[0].label", "expected a string, got number 7");
        assertBad(GOOD.replace("\"score\": 1,", "\"score\": 1.01,"), "objects[1].score", "expected a number in [0, 1], got 1.01");
        assertBad(GOOD.replace("\"score\": 0.9, ", ""), "objects[0].score", "missing");
        assertBad(GOOD.replace("[10, 20, 30, 40]", "[10, 20, 30]"), "objects[0].box", "expected an array of 4 numbers, got 3 elements");
        assertBad(GOOD.replace("[10, 20, 30, 40]", "[10, 20, true, 40]"), "objects[0].box[2]", "expected a number, got boolean true");
        assertBad(GOOD.replace("[10, 20, 30, 40]", "[31, 20, 30, 40]"), "objects[0].box", "x1 <= x2 and y1 <= y2");
        assertBad(GOOD.replace("[0, 0, 5, 5]", "[0, 6, 5, 5]"), "objects[1].box", "x1 <= x2 and y1 <= y2");
        assertBad(GOOD.replace("{\"label\": \"laptop\", \"score\": 1, \"box\": [0, 0, 5, 5]}", "\"laptop\""), "objects[1]",
                "expected an object, got string \"laptop\"");
    }

    private void assertBad(String line, String field, String problem) {
        DataFormatException e = failure(GOOD + "\n" + line + "\n");
        assertThat(e.location()).isEqualTo("line 2");
        BadFiles.assertNames(e, dir.resolve("bad.jsonl"), field, problem);
    }

    private DataFormatException failure(String content) {
        return BadFiles.failure(dir.resolve("bad.jsonl"), content, DetectionsJsonl::readByVideo);
    }
}
