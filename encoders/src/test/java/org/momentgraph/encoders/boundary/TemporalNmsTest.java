package org.momentgraph.encoders.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalNmsTest {

    @Test
    void keepsBestAndDropsOverlapsAboveThreshold() {
        List<ClipSpan> candidates = List.of(
                new ClipSpan(0, 9, 0.9),   // kept
                new ClipSpan(1, 9, 0.8),   // IoU 0.9 with the first: dropped
                new ClipSpan(5, 14, 0.7),  // IoU 5/15 = 0.33: kept at 0.5
                new ClipSpan(20, 22, 0.1), // disjoint: kept
                new ClipSpan(20, 21, 0.05));
        assertThat(TemporalNms.select(candidates, 10, 0.5)).containsExactly(
                new ClipSpan(0, 9, 0.9), new ClipSpan(5, 14, 0.7), new ClipSpan(20, 22, 0.1));
        // a strict threshold also drops the partial overlap; topN cuts the list
        assertThat(TemporalNms.select(candidates, 2, 0.3)).containsExactly(
                new ClipSpan(0, 9, 0.9), new ClipSpan(20, 22, 0.1));
        // threshold 1 keeps everything, best first
        assertThat(TemporalNms.select(candidates, 10, 1.0)).hasSize(5).first().isEqualTo(new ClipSpan(0, 9, 0.9));
    }

    @Test
    void clipIouCountsInclusiveClips() {
        assertThat(new ClipSpan(0, 1, 0).iou(new ClipSpan(1, 2, 0))).isEqualTo(1.0 / 3);
        assertThat(new ClipSpan(3, 3, 0).iou(new ClipSpan(3, 3, 0))).isEqualTo(1.0);
        assertThat(new ClipSpan(0, 1, 0).iou(new ClipSpan(2, 3, 0))).isZero();
    }

    @Test
    void emptyInputGivesNothing() {
        assertThat(TemporalNms.select(List.of(), 5, 0.5)).isEmpty();
    }
}
