package org.momentgraph.eval.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.SharedData;

class TvqaPlusBoxesTest {

    private static final String RECORD = "{\"qid\": 1, \"vid_name\": \"c1\", \"bbox\": {"
            + "\"4\": [{\"img_id\": 4, \"top\": 38, \"height\": 288, \"width\": 173, \"label\": \"Raj\", \"left\": 332}], "
            + "\"1\": []}}";

    @TempDir
    Path dir;

    @Test
    void readsTheRealDevelopmentBoxes() {
        TvqaPlusBoxes.Annotations boxes = TvqaPlusBoxes.read(SharedData.file("tvr_tvqaplus/tvqa_plus_dev_boxes.json"));

        assertThat(boxes.records()).isEqualTo(1_421);
        assertThat(boxes.byClip()).hasSize(203);
        assertThat(boxes.labels()).hasSize(529).contains("Sheldon", "Raj", "door", "couch");
        List<FrameDetections> all = boxes.byClip().values().stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(6_295);
        assertThat(all.stream().mapToInt(f -> f.objects().size()).sum()).isEqualTo(15_208);
        assertThat(all.stream().filter(f -> f.objects().isEmpty())).hasSize(522);

        // one clip, seven QA records: union of frames, sorted by time, empty frames kept
        List<FrameDetections> clip = boxes.frames("s02e01_seg02_clip_11");
        assertThat(clip).hasSize(24);
        assertThat(clip).extracting(FrameDetections::t).isSorted().startsWith(0.0, 2.0, 4.0, 6.0, 8.0);
        assertThat(clip.get(3).objects()).isEmpty();
        assertThat(clip).extracting(f -> f.objects().size()).contains(10);
        assertThat(clip.get(0).objects()).containsExactly(
                new Detection("Raj", 1.0, new Box(332, 38, 332 + 173, 38 + 288)),
                new Detection("Sheldon", 1.0, new Box(108, 36, 108 + 184, 36 + 321)));
        assertThat(clip).allSatisfy(f -> assertThat(f.video()).isEqualTo("s02e01_seg02_clip_11"));
    }

    @Test
    void unitesRecordsOfOneClipWithoutDuplicates() throws IOException {
        String other = "{\"vid_name\": \"c1\", \"bbox\": {\"4\": ["
                + "{\"img_id\": 4, \"top\": 38, \"height\": 288, \"width\": 173, \"label\": \"Raj\", \"left\": 332}, "
                + "{\"img_id\": 4, \"top\": 0, \"height\": 10, \"width\": 20, \"label\": \"cup\", \"left\": 5}], "
                + "\"1\": [{\"img_id\": 1, \"top\": 1, \"height\": 2, \"width\": 3, \"label\": \" cup \", \"left\": 4}]}}";
        Path file = Files.writeString(dir.resolve("boxes.json"), "[" + RECORD + ", " + other + ", "
                + "{\"vid_name\": \"c0\", \"bbox\": {\"10\": []}}]");

        TvqaPlusBoxes.Annotations boxes = TvqaPlusBoxes.read(file);

        assertThat(boxes.byClip().keySet()).containsExactly("c0", "c1");
        assertThat(boxes.labels()).containsExactly("Raj", "cup");
        assertThat(boxes.frames("c0")).containsExactly(new FrameDetections("c0", 3.0, List.of()));
        List<FrameDetections> c1 = boxes.frames("c1");
        assertThat(c1).extracting(FrameDetections::t).containsExactly(0.0, 1.0);
        assertThat(c1.get(0).objects()).containsExactly(new Detection("cup", 1.0, new Box(4, 1, 7, 3)));
        assertThat(c1.get(1).objects()).extracting(Detection::label).containsExactly("Raj", "cup");
        assertThat(boxes.frames("missing")).isEmpty();
    }

    @Test
    void reportsMalformedAndTruncatedJson() throws IOException {
        DataFormatException truncated = failure("[" + RECORD + ", " + RECORD.substring(0, 70));
        assertThat(truncated.location()).isEqualTo("$[1]");
        assertThat(truncated.getMessage()).contains("malformed JSON at line 1");

        DataFormatException cut = failure("[" + RECORD + ", ");
        assertThat(cut.location()).isEqualTo("$[1]");

        DataFormatException syntax = failure("[" + RECORD + ", " + RECORD.replace("\"bbox\":", "\"bbox\"") + "]");
        assertThat(syntax.location()).isEqualTo("$[1]");

        DataFormatException notAList = failure(RECORD);
        assertThat(notAList.location()).isEqualTo("$");
        assertThat(notAList.getMessage()).contains("expected a top-level array");

        DataFormatException notARecord = failure("[" + RECORD + ", 3]");
        assertThat(notARecord.location()).isEqualTo("$[1]");
        assertThat(notARecord.getMessage()).contains("expected an object, got number 3");
    }

    @Test
    void reportsMissingAndWronglyTypedFieldsAtTheirJsonPath() throws IOException {
        assertBad(RECORD.replace("\"vid_name\": \"c1\", ", ""), "$[1].vid_name", "vid_name", "missing");
        assertBad("{\"vid_name\": \"c1\", \"bbox\": [1]}", "$[1].bbox", "bbox",
                "expected an object, got array");
        assertBad(RECORD.replace("\"1\": []", "\"one\": []"), "$[1].bbox.one", "bbox.one",
                "expected a frame number (an integer >= 1) as key, got \"one\"");
        assertBad(RECORD.replace("\"1\": []", "\"0\": []"), "$[1].bbox[\"0\"]", "bbox[\"0\"]", "expected a frame number");
        assertBad(RECORD.replace("\"1\": []", "\"1\": {}"), "$[1].bbox[\"1\"]", "bbox[\"1\"]", "expected an array of boxes, got object");
        assertBad(RECORD.replace("\"top\": 38", "\"top\": \"abc\""), "$[1].bbox[\"4\"][0].top", "bbox[\"4\"][0].top",
                "expected a number, got string \"abc\"");
        assertBad(RECORD.replace("\"width\": 173", "\"width\": -1"), "$[1].bbox[\"4\"][0].width", "bbox[\"4\"][0].width",
                "expected a number >= 0, got -1.0");
        assertBad(RECORD.replace("\"label\": \"Raj\", ", ""), "$[1].bbox[\"4\"][0].label", "bbox[\"4\"][0].label", "missing");
        assertBad(RECORD.replace("[{\"img_id\"", "[7, {\"img_id\""), "$[1].bbox[\"4\"][0]", "bbox[\"4\"][0]",
                "expected an object, got number 7");
    }

    private void assertBad(String record, String location, String field, String problem) {
        DataFormatException e = failure("[" + RECORD + ",\n" + record + "]");
        assertThat(e.location()).isEqualTo(location);
        BadFiles.assertNames(e, dir.resolve("boxes.json"), field, problem);
    }

    private DataFormatException failure(String content) {
        return BadFiles.failure(dir.resolve("boxes.json"), content, TvqaPlusBoxes::read);
    }
}
