package org.momentgraph.graph.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.graph.track.AssignmentMethod;

class GraphBuildBenchmarkTest {

    @Test
    void rowsCountWhatWasBuilt() {
        List<GraphBuildBenchmark.Row> rows = GraphBuildBenchmark.run(2, new int[] {3}, List.of(AssignmentMethod.GREEDY), 5);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.videos()).isEqualTo(2);
            assertThat(r.frames()).isEqualTo(2 * 180);
            assertThat(r.detections()).isBetween(2L * 180 * 3 / 2, 2L * 180 * 3);
            assertThat(r.framesPerSecond()).isFinite().isPositive();
            assertThat(r.meanNodes()).isGreaterThanOrEqualTo(40); // 3 tracks over 40 clips, minus misses
        });
        assertThat(GraphBuildBenchmark.table(rows)).contains("3 objects, greedy", "frames/s");
    }
}
