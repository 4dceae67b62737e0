package org.momentgraph.encoders.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.video.ClipGraph;
import org.momentgraph.graph.video.VideoGraph;
import org.momentgraph.graph.video.VideoGraphBuilder;

/** The graph stream's layout: labels pooled over relation-graph nodes (not frames), then log counts. */
class GraphStreamBuilderTest {

    private static final Map<String, float[]> AXES = Map.of(
            "person", new float[] {1, 0, 0}, "cup", new float[] {0, 1, 0}, "object", new float[] {0, 0, 1});
    private static final Function<String, float[]> EMBED = label -> AXES.get(label).clone();
    private static final Video VIDEO = new Video("v", 6.0, 2.0); // 3 grid clips

    private static FrameDetections frame(double t, Detection... objects) {
        return new FrameDetections("v", t, List.of(objects));
    }

    private static Detection box(String label, double x1, double y1, double x2, double y2) {
        return new Detection(label, 0.9, new Box(x1, y1, x2, y2));
    }

    @Test
    void eachClipRowIsTheUnitNodeLabelSumThenLogGraphCountsThenInteractions() {
        // clip 0: one person tracked over three frames next to a cup seen once; clip 1: nothing; clip 2: a cup
        List<FrameDetections> frames = List.of(
                frame(0.0, box("person", 10, 10, 60, 110), box("cup", 62, 60, 80, 80)),
                frame(0.5, box("person", 11, 10, 61, 110)),
                frame(1.0, box("person", 12, 10, 62, 110)),
                frame(4.5, box("cup", 200, 60, 218, 80)));
        GraphStreamBuilder builder = new GraphStreamBuilder(EMBED);
        float[][] rows = builder.clips(VIDEO, frames);
        assertThat(rows).hasDimensions(3, builder.dim());

        // the person counts once although seen in three frames: one node, like the cup
        float inv = (float) (1 / Math.sqrt(2));
        assertThat(rows[0][0]).isCloseTo(inv, within(1e-6f));
        assertThat(rows[0][1]).isCloseTo(inv, within(1e-6f));
        assertThat(rows[0][2]).isZero();
        // clip 1 sees nothing: no labels, no counts (its interaction block is centred, so not checked here)
        assertThat(java.util.Arrays.copyOf(rows[1], builder.dim() - InteractionBags.dim())).containsOnly(0f);
        assertThat(new float[] {rows[2][0], rows[2][1], rows[2][2]}).containsExactly(0f, 1f, 0f);

        VideoGraph graph = VideoGraphBuilder.builder().build().build(VIDEO, frames);
        for (ClipGraph clip : graph.clips()) {
            float[] counts = clip.features().vector(List.of(), GraphStreamBuilder.TRIPLE_BUCKETS);
            assertThat(builder.dim()).isEqualTo(3 + counts.length + InteractionBags.dim());
            for (int k = 0; k < counts.length; k++) {
                assertThat(rows[clip.clipIndex()][3 + k]).isEqualTo((float) Math.log1p(counts[k]));
            }
        }
        assertThat(builder.clips(VIDEO, List.of())).hasDimensions(3, builder.dim());
    }
}
