package org.momentgraph.encoders.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.video.VideoGraph;
import org.momentgraph.graph.video.VideoGraphBuilder;

class InteractionBagsTest {

    private static final Map<String, float[]> AXES = Map.of(
            "person", new float[] {1, 0, 0, 0}, "cup", new float[] {0, 0, 1, 0}, "object", new float[] {0, 0, 0, 1});
    private static final Function<String, float[]> EMBED = label -> AXES.get(label).clone();
    private static final Video VIDEO = new Video("v", 8.0, 2.0); // 4 clips of 2 s

    /**
     * A person stands still with a cup at their feet; in clip 2 the cup rises to the hand (a pick-up)
     * and stays there in clip 3. Frames every 0.5 s.
     */
    private static List<FrameDetections> pickUpFrames() {
        List<FrameDetections> frames = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            double t = i * 0.5;
            double cupTop = t < 4 ? 600 : t < 6 ? 600 - (t - 4) * 150 : 300;
            frames.add(new FrameDetections("v", t, List.of(
                    new Detection("person", 0.9, new Box(500, 360, 600, 690)),
                    new Detection("cup", 0.9, new Box(600, cupTop, 640, cupTop + 50)))));
        }
        return frames;
    }

    private static VideoGraph pickUp() {
        return VideoGraphBuilder.builder().build().build(VIDEO, pickUpFrames());
    }

    private static float[] channel(float[] row, String name) {
        int c = InteractionBags.channelNames().indexOf(name);
        return Arrays.copyOfRange(row, c * InteractionBags.PROJECTED_DIM, (c + 1) * InteractionBags.PROJECTED_DIM);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double norm(float[] a) {
        return Math.sqrt(squaredNorm(a));
    }

    private static double squaredNorm(float[] a) {
        double s = 0;
        for (float x : a) {
            s += x * x;
        }
        return s;
    }

    @Test
    void theRisingObjectLandsInTheRisesChannelOfItsClip() {
        InteractionBags bags = new InteractionBags(EMBED, 4);
        VideoGraph graph = pickUp();
        float[][] rows = new float[4][InteractionBags.dim()];
        for (int clip = 0; clip < 4; clip++) {
            bags.fill(graph, clip, rows[clip], 0);
        }
        float[] cup = bags.projectedLabel("cup");
        // the cup's box centre rises 300 px in the 2 s from clip 1 to clip 2: the rises channel holds the cup alone
        assertThat(norm(channel(rows[2], "rises"))).isGreaterThan(0.3);
        assertThat(cosine(channel(rows[2], "rises"), cup)).isCloseTo(1.0, within(1e-5));
        assertThat(norm(channel(rows[2], "falls"))).isZero();
        // before the pick-up nothing moves, so no motion channel is set in clip 0
        for (String cue : List.of("rises", "falls", "moves_sideways", "widens", "narrows", "grows_taller",
                "grows_shorter")) {
            assertThat(norm(channel(rows[0], cue))).as(cue).isLessThan(1e-6);
        }
        // the cup touches the person's box while it rests at their feet: contact holds both labels
        float[] contact = channel(rows[0], "contact");
        assertThat(cosine(contact, bags.projectedLabel("person"))).isGreaterThan(0.3);
        assertThat(cosine(contact, cup)).isGreaterThan(0.3);
    }

    @Test
    void cuesAreScaleFreeAndSigned() {
        Box small = new Box(0, 100, 30, 140);
        Box smallUp = new Box(0, 50, 30, 90); // up by 50 px = one diagonal
        Box large = new Box(0, 1000, 300, 1400);
        Box largeUp = new Box(0, 500, 300, 900);
        double[] a = InteractionBags.cues(small, smallUp, 1.0);
        double[] b = InteractionBags.cues(large, largeUp, 1.0);
        assertThat(a).containsExactly(b, within(1e-12));
        assertThat(a[0]).isCloseTo(Math.tanh(1 / InteractionBags.CUE_SCALE), within(1e-9));
        assertThat(a[1]).isZero();
        // the reverse motion is a fall, and twice the time halves the speed
        double[] down = InteractionBags.cues(smallUp, small, 2.0);
        assertThat(down[0]).isZero();
        assertThat(down[1]).isCloseTo(Math.tanh(0.5 / InteractionBags.CUE_SCALE), within(1e-9));
        // a box that doubles its width widens and does not grow taller
        double[] widen = InteractionBags.cues(new Box(0, 0, 10, 10), new Box(0, 0, 20, 10), 1.0);
        assertThat(widen[3]).isGreaterThan(0.9);
        assertThat(widen[4]).isZero();
        assertThat(widen[5]).isZero();
        assertThat(widen[6]).isZero();
    }

    @Test
    void rowsAreTheSameOnEveryBuild() {
        float[] first = new float[InteractionBags.dim()];
        float[] second = new float[InteractionBags.dim()];
        new InteractionBags(EMBED, 4).fill(pickUp(), 2, first, 0);
        new InteractionBags(EMBED, 4).fill(pickUp(), 2, second, 0);
        assertThat(first).containsExactly(second);
        assertThat(InteractionBags.channelNames()).hasSize(InteractionBags.channels()).doesNotHaveDuplicates();
    }

    @Test
    void theGraphStreamCentresTheInteractionBlockOnTheVideo() {
        GraphStreamBuilder builder = new GraphStreamBuilder(EMBED);
        float[][] rows = builder.clips(VIDEO, pickUpFrames());
        int from = builder.dim() - InteractionBags.dim();
        for (int k = from; k < builder.dim(); k++) {
            double sum = 0;
            for (float[] row : rows) {
                sum += row[k];
            }
            assertThat(sum).as("column %d", k).isCloseTo(0, within(1e-5));
        }
        // the label bag stays absolute: unit length in every clip that sees objects
        double norm = 0;
        for (int k = 0; k < 4; k++) {
            norm += rows[0][k] * rows[0][k];
        }
        assertThat(norm).isCloseTo(1, within(1e-5));
    }
}
