package org.momentgraph.eval.tvr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Span;

class SlidingWindowsTest {

    private static final ClipGrid GRID = new ClipGrid(15.0, 1.5); // 10 clips

    @Test
    void findsTheHighPlateauAndPrefersTypicalLengths() {
        double[] scores = {0, 0, 0, 1, 1, 1, 1, 0, 0, 0};
        // no length penalty: the mean peaks on the plateau's inner clips
        List<SlidingWindows.Scored> free = new SlidingWindows(10, 6.0, 0, 0.5).rank(GRID, scores, 3);
        assertThat(free.get(0).span()).isEqualTo(new Span(6.0, 7.5));
        // a penalty centred on 6 s (4 clips) picks the whole plateau
        List<SlidingWindows.Scored> ranked = new SlidingWindows(10, 6.0, 0.2, 0.5).rank(GRID, scores, 5);
        assertThat(ranked.get(0).span()).isEqualTo(new Span(4.5, 10.5));
        assertThat(ranked).extracting(SlidingWindows.Scored::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        for (int i = 0; i < ranked.size(); i++) {
            for (int j = 0; j < i; j++) {
                assertThat(ranked.get(i).span().iou(ranked.get(j).span())).isLessThanOrEqualTo(0.5);
            }
        }
    }

    @Test
    void smoothsWithRenormalisedEdges() {
        assertThat(SlidingWindows.smooth(new double[] {3, 0, 0})).containsExactly(2.0, 0.75, 0.0);
        assertThat(SlidingWindows.smooth(new double[] {1})).containsExactly(1.0);
    }

    @Test
    void windowsAreWholeGridClipsAndCapped() {
        ClipGrid shortEnd = new ClipGrid(4.0, 1.5); // clips end at 1.5, 3.0, 4.0
        List<SlidingWindows.Scored> ranked = new SlidingWindows(2, 3.0, 0.01, 1.0).rank(shortEnd, new double[] {0, 0, 1}, 10);
        assertThat(ranked).hasSize(5); // 3 single clips + 2 pairs, nothing suppressed at IoU 1
        assertThat(ranked.get(0).span().end()).isEqualTo(4.0);
        assertThat(ranked).allSatisfy(s -> assertThat(s.span().length()).isLessThanOrEqualTo(3.0 + 1e-9));
        assertThat(ranked.get(0).score()).isCloseTo(2 / 3.0 - 0.01 * Math.log(3.0), within(1e-12)); // smoothed last clip, 1 s long
        assertThatThrownBy(() -> SlidingWindows.defaults().rank(GRID, new double[3], 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
