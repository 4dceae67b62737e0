package org.momentgraph.graph.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;

class TrackerTest {

    @Test
    void recoversObjectsThroughJitterGapsAndLabelFlips() {
        for (long seed = 1; seed <= 5; seed++) {
            SyntheticScene scene = SyntheticScene.generate(SyntheticScene.Spec.typical("v" + seed), seed);
            List<Track> tracks = new Tracker(TrackerConfig.defaults()).track(scene.frames());
            TrackQuality q = TrackQuality.measure(tracks, scene::objectOf);
            assertThat(q.objects()).as("seed %d", seed).isEqualTo(6);
            assertThat(q.purity()).as("purity, seed %d", seed).isGreaterThanOrEqualTo(0.99);
            assertThat(q.fragmentation()).as("fragmentation, seed %d", seed).isLessThanOrEqualTo(1.2);
            // the majority vote undoes the 10% label flips on every long track
            for (Track t : tracks) {
                if (t.points().size() >= 20) {
                    int object = scene.objectOf(t.points().get(0));
                    assertThat(t.label()).isEqualTo(scene.labels().get(object));
                }
            }
        }
    }

    @Test
    void crowdedScenesStayPureWithHungarianAndGreedy() {
        SyntheticScene.Spec spec = new SyntheticScene.Spec("crowd", 16, 30, 3, 0.04, 0.2, 0.15);
        SyntheticScene scene = SyntheticScene.generate(spec, 42);
        TrackQuality hungarian = measure(scene, AssignmentMethod.HUNGARIAN);
        TrackQuality greedy = measure(scene, AssignmentMethod.GREEDY);
        assertThat(hungarian.purity()).isGreaterThanOrEqualTo(0.98);
        assertThat(hungarian.fragmentation()).isLessThanOrEqualTo(1.25);
        assertThat(greedy.purity()).isGreaterThan(0.9).isLessThanOrEqualTo(hungarian.purity());
        assertThat(greedy.fragmentation()).isLessThan(1.5);
    }

    /** A cup lifted from the floor to the hand: 75 px per frame, about 1.2 of its diagonals. */
    private static List<FrameDetections> liftedCup() {
        List<FrameDetections> frames = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            double t = i * 0.5;
            double top = t < 4 ? 600 : t < 6 ? 600 - (t - 4) * 150 : 300;
            frames.add(new FrameDetections("v", t, List.of(
                    new Detection("person", 0.9, new Box(500, 360, 600, 690)),
                    new Detection("cup", 0.9, new Box(600, top, 640, top + 50)))));
        }
        return frames;
    }

    @Test
    void aFastSmallObjectKeepsItsTrackThroughTheSecondPass() {
        List<Track> tracks = new Tracker(TrackerConfig.defaults()).track(liftedCup());
        assertThat(tracks).extracting(Track::label).containsExactly("person", "cup");
        assertThat(tracks.get(1).points()).hasSize(16);
        // without the second pass every fast step opens a new track
        List<Track> split = new Tracker(TrackerConfig.builder().reacquireDistance(0).build()).track(liftedCup());
        assertThat(split).hasSizeGreaterThan(3);
    }

    @Test
    void theSecondPassNeverLinksAcrossLabels() {
        List<FrameDetections> frames = List.of(
                new FrameDetections("v", 0.0, List.of(new Detection("cup", 0.9, new Box(0, 0, 40, 50)))),
                new FrameDetections("v", 0.5, List.of(new Detection("ball", 0.9, new Box(80, 0, 120, 50)))));
        assertThat(new Tracker(TrackerConfig.defaults()).track(frames)).hasSize(2);
        assertThatThrownBy(() -> TrackerConfig.builder().reacquireDistance(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TrackQuality measure(SyntheticScene scene, AssignmentMethod method) {
        TrackerConfig config = TrackerConfig.builder().assignment(method).build();
        return TrackQuality.measure(new Tracker(config).track(scene.frames()), scene::objectOf);
    }

    @Test
    void aGapLongerThanTheLimitSplitsATrackAndAShorterOneDoesNot() {
        List<FrameDetections> frames = new ArrayList<>();
        for (double t : new double[] {0, 1, 2, 4, 8}) {
            frames.add(frame(t, new Detection("cup", 0.9, new Box(10, 10, 50, 50))));
        }
        List<Track> tracks = new Tracker(TrackerConfig.builder().maxGapSeconds(2.5).build()).track(frames);
        assertThat(tracks).hasSize(2);
        assertThat(tracks.get(0).points()).hasSize(4);
        assertThat(tracks.get(1).start()).isEqualTo(8);
    }

    @Test
    void unrelatedLabelsLinkOnlyOnStrongOverlap() {
        Box box = new Box(100, 100, 200, 200);
        Box shifted = new Box(150, 100, 250, 200); // IoU 1/3, centre distance about 0.35 diagonals
        Tracker tracker = new Tracker(TrackerConfig.defaults());
        assertThat(tracker.track(List.of(frame(0, new Detection("dog", 0.9, box)),
                frame(0.33, new Detection("cat", 0.9, box))))).hasSize(1);
        assertThat(tracker.track(List.of(frame(0, new Detection("dog", 0.9, box)),
                frame(0.33, new Detection("cat", 0.9, shifted))))).hasSize(2);
        assertThat(tracker.track(List.of(frame(0, new Detection("couch", 0.9, box)),
                frame(0.33, new Detection("sofa", 0.9, shifted))))).hasSize(1);
        assertThat(tracker.track(List.of(frame(0, new Detection("Sheldon", 0.9, box)),
                frame(0.33, new Detection("sheldon", 0.9, shifted))))).singleElement()
                .satisfies(t -> assertThat(t.label()).isIn("Sheldon", "sheldon"));
    }

    @Test
    void hungarianBeatsGreedyWhereGreedyIsMyopic() {
        double[][] cost = {{1, 2}, {1.5, 10}};
        assertThat(Assignment.greedy(cost)).containsExactly(0, 1);
        assertThat(Assignment.hungarian(cost)).containsExactly(1, 0);
        double[][] rect = {{Double.POSITIVE_INFINITY, 3}, {2, Double.POSITIVE_INFINITY}, {1, 1}};
        assertThat(Assignment.hungarian(rect)).containsExactly(-1, 0, 1);
        assertThat(Assignment.hungarian(new double[][] {{Double.POSITIVE_INFINITY}})).containsExactly(-1);
    }

    @Test
    void boxAtInterpolatesBetweenObservations() {
        Track t = Track.of(0, List.of(new TrackPoint(0, new Detection("a", 1, new Box(0, 0, 10, 10))),
                new TrackPoint(2, new Detection("a", 1, new Box(20, 0, 30, 10)))));
        assertThat(t.boxAt(1)).isEqualTo(new Box(10, 0, 20, 10));
        assertThat(t.boxAt(-5)).isEqualTo(new Box(0, 0, 10, 10));
    }

    @Test
    void framesOfTwoVideosAreRejected() {
        Detection d = new Detection("a", 1, new Box(0, 0, 1, 1));
        assertThatThrownBy(() -> new Tracker(TrackerConfig.defaults()).track(List.of(
                new FrameDetections("a", 0, List.of(d)), new FrameDetections("b", 1, List.of(d)))))
                .hasMessageContaining("one video");
    }

    private static FrameDetections frame(double t, Detection... dets) {
        return new FrameDetections("v", t, List.of(dets));
    }
}
