package org.momentgraph.eval.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Span;
import org.momentgraph.graph.mp.ClipFilter;

class RecallCurveTest {

    @Test
    void tiesAreBrokenInExpectation() {
        // 4 tied clips, one of them positive: keeping 2 keeps half a positive on average
        double kept = RecallCurve.keptPositives(new double[] {1, 1, 1, 1}, new boolean[] {false, false, false, true}, 2);
        assertThat(kept).isEqualTo(0.5, within(1e-12));
        double ordered = RecallCurve.keptPositives(new double[] {3, 2, 1, 1}, new boolean[] {true, false, true, false}, 3);
        assertThat(ordered).isEqualTo(1.5, within(1e-12));
    }

    @Test
    void curveRisesToFullRecallAndReportsPruningAtARecallLevel() {
        float[] scores = new float[50];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = -i;
        }
        List<ClipFilter.ClipRef> ranked = ClipFilter.rank(List.of(new ClipFilter.VideoScores("v", scores)), 0);
        RecallCurve curve = new RecallCurve();
        curve.add(ranked, Set.of("v#0", "v#1", "v#4")); // the top-5 clips hold every positive
        curve.add(ranked, Set.of());                    // no ground truth: not counted
        assertThat(curve.queries()).isEqualTo(1);
        assertThat(curve.points().get(curve.points().size() - 1).recall()).isEqualTo(1.0);
        assertThat(curve.points().get(0).recall()).isEqualTo(1 / 3.0, within(1e-9)); // 2 % keeps 1 clip
        assertThat(curve.prunedAtRecall(0.95)).isEqualTo(0.9, within(1e-9));   // 10 % = 5 clips
    }

    @Test
    void groundTruthClipsAndEpisodes() {
        ClipGrid grid = new ClipGrid(10, 2);
        assertThat(FilterCorpus.groundTruth(grid, new Span(2.5, 5.5))).containsExactly(1, 2);
        assertThat(FilterCorpus.groundTruth(grid, new Span(4.9, 5.1))).containsExactly(2);
        assertThat(FilterCurves.episode("s01e02_seg02_clip_12")).isEqualTo("s01e02");
        assertThat(FilterCurves.episode("syn000003")).isEqualTo("syn000003");
    }
}
