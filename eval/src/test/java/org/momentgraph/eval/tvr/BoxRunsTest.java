package org.momentgraph.eval.tvr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Span;

class BoxRunsTest {

    private static FrameDetections frame(double t, String... labels) {
        return new FrameDetections("v", t, java.util.Arrays.stream(labels)
                .map(l -> new Detection(l, 1, new Box(0, 0, 1, 1))).toList());
    }

    @Test
    void splitsAtGapsAndSnapsToTheGrid() {
        ClipGrid grid = new ClipGrid(30.0, 1.5);
        List<FrameDetections> frames = List.of(frame(2.0, "Sheldon"), frame(4.0), frame(6.0, "couch"),
                frame(20.0, "cup"), frame(20 + 1 / 3.0, "cup"));
        List<BoxRuns.Run> runs = BoxRuns.of(frames, grid, BoxRuns.DEFAULT_MAX_GAP);
        assertThat(runs).extracting(BoxRuns.Run::span).containsExactly(new Span(1.5, 7.5), new Span(19.5, 21.0));
        assertThat(runs.get(0).frames()).hasSize(3);
        assertThat(BoxRuns.extent(frames, grid)).isEqualTo(new Span(1.5, 21.0));
        assertThat(BoxRuns.extent(List.of(), grid)).isNull();
        assertThat(BoxRuns.of(List.of(), grid, 2)).isEmpty();
        assertThat(BoxPlacementBaseline.runText(runs.get(0))).isEqualTo("couch sheldon");
        assertThat(BoxPlacementBaseline.runText(runs.get(1))).isEqualTo("cup");
    }
}
