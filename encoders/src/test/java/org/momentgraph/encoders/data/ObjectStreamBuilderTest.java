package org.momentgraph.encoders.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;

class ObjectStreamBuilderTest {

    /** Orthogonal 4-d label vectors, so pooled weights can be read off the embedding block. */
    private static final Map<String, float[]> AXES = Map.of(
            "sheldon", new float[] {1, 0, 0, 0}, "couch", new float[] {0, 1, 0, 0},
            "cup", new float[] {0, 0, 1, 0}, "object", new float[] {0, 0, 0, 1});
    private static final Function<String, float[]> EMBED = label -> AXES.get(label).clone();

    private static final Video VIDEO = new Video("v", 6.0, 1.5); // 4 grid clips

    private static FrameDetections frame(double t, Detection... objects) {
        return new FrameDetections("v", t, List.of(objects));
    }

    private static Detection box(String label, double score, double x1, double y1, double x2, double y2) {
        return new Detection(label, score, new Box(x1, y1, x2, y2));
    }

    private static DetectionObjectStream stream() {
        List<FrameDetections> frames = List.of(
                frame(0.0, box("Sheldon", 1, 0, 0, 100, 50), box("couch", 1, 100, 50, 200, 100)),
                frame(1.0, box("Sheldon", 1, 0, 0, 100, 50)),
                frame(3.2), // annotated, no box
                frame(6.2, box("cup", 0.5, 150, 75, 250, 125))); // past the end: last clip
        return ObjectStreamBuilder.builder()
                .optFrameSize(200, 100)
                .optCharacters(Set.of("sheldon")::contains)
                .build(Map.of("v", VIDEO, "empty", new Video("empty", 3.0, 1.5)), Map.of("v", frames, "other", frames), EMBED);
    }

    @Test
    void clipVectorsFollowTheLayout() {
        DetectionObjectStream s = stream();
        int e = s.embeddingDim();
        assertThat(e).isEqualTo(4);
        assertThat(s.dim()).isEqualTo(4 + DetectionObjectStream.GEOMETRY);
        assertThat(s.videos()).containsExactly("empty", "v");

        float[][] x = s.clips("v");
        assertThat(x).hasDimensions(4, s.dim());
        assertThat(s.annotated("v")).containsExactly(true, false, true, true);

        // clip 0: sheldon in 2 of 2 frames, couch in 1 of 2 -> pooled (1, 0.5) / |(1, 0.5)|
        double n = Math.sqrt(1.25);
        assertThat(x[0][0]).isCloseTo((float) (1 / n), within(1e-6f));
        assertThat(x[0][1]).isCloseTo((float) (0.5 / n), within(1e-6f));
        assertThat(x[0][e + DetectionObjectStream.ANNOTATED]).isEqualTo(1f);
        assertThat(x[0][e + DetectionObjectStream.BOXES]).isCloseTo((float) Math.log1p(1.5), within(1e-6f));
        assertThat(x[0][e + DetectionObjectStream.LABELS]).isCloseTo((float) Math.log1p(2), within(1e-6f));
        assertThat(x[0][e + DetectionObjectStream.AREA]).isCloseTo(0.25f, within(1e-6f));
        assertThat(x[0][e + DetectionObjectStream.CENTER_X]).isCloseTo((50 + 150 + 50) / 3f / 200, within(1e-6f));
        assertThat(x[0][e + DetectionObjectStream.CENTER_Y]).isCloseTo((25 + 75 + 25) / 3f / 100, within(1e-6f));
        assertThat(x[0][e + DetectionObjectStream.CHARACTER_SHARE]).isCloseTo(2 / 3f, within(1e-6f));
        assertThat(x[0][e + DetectionObjectStream.CHARACTERS]).isCloseTo((float) Math.log1p(1), within(1e-6f));

        assertThat(x[1]).containsOnly(0f); // not annotated
        float[] expectedEmptyFrame = new float[s.dim()];
        expectedEmptyFrame[e + DetectionObjectStream.ANNOTATED] = 1f;
        assertThat(x[2]).containsExactly(expectedEmptyFrame); // looked at, nothing there
        assertThat(x[3][2]).isEqualTo(1f); // cup, unit length whatever its score
        assertThat(x[3][e + DetectionObjectStream.CHARACTER_SHARE]).isZero();

        List<Map<String, Integer>> bags = List.copyOf(s.labelBags("v"));
        assertThat(bags).containsExactly(Map.of("couch", 1, "sheldon", 2), Map.of(), Map.of(), Map.of("cup", 1));
        assertThat(s.clips("empty")).hasDimensions(2, s.dim());
        assertThat(s.annotated("empty")).containsExactly(false, false);
    }

    @Test
    void isDeterministicAndHandsOutCopies() {
        DetectionObjectStream s = stream();
        float[][] first = s.clips("v");
        first[0][0] = 42;
        s.annotated("v")[1] = true;
        assertThat(s.clips("v")).isDeepEqualTo(stream().clips("v"));
        assertThat(s.clips("v")[0][0]).isNotEqualTo(42f);
        assertThat(s.annotated("v")[1]).isFalse();
    }

    @Test
    void infersTheFrameSizeAndRejectsUnknownVideos() {
        List<FrameDetections> frames = List.of(frame(0.0, box("cup", 1, 0, 0, 50, 20)), frame(1.6, box("cup", 1, 50, 20, 100, 40)));
        DetectionObjectStream s = ObjectStreamBuilder.builder().build(Map.of("v", VIDEO), Map.of("v", frames), EMBED);
        int e = s.embeddingDim();
        assertThat(s.clips("v")[0][e + DetectionObjectStream.AREA]).isCloseTo(0.25f, within(1e-6f)); // frame 100 x 40
        assertThat(s.clips("v")[1][e + DetectionObjectStream.CENTER_X]).isCloseTo(0.75f, within(1e-6f));
        assertThatThrownBy(() -> s.clips("nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> ObjectStreamBuilder.builder().optFrameSize(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
