package org.momentgraph.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Span;

class TemporalIouTest {

    @Test
    void hullAndTrueIouAgreeOnOverlapsAndDifferOnEmptyWindows() {
        assertThat(TemporalIou.iou(0, 10, 5, 15)).isEqualTo(5.0 / 15);
        assertThat(TemporalIou.trueIou(0, 10, 5, 15)).isEqualTo(5.0 / 15);
        assertThat(TemporalIou.trueIou(0, 10, 5, 15)).isEqualTo(new Span(0, 10).iou(new Span(5, 15)));
        assertThat(TemporalIou.trueIou(0, 3, 1, 4)).isEqualTo(0.5);
        assertThat(TemporalIou.trueIou(0, 1, 2, 3)).isZero();
        assertThat(TemporalIou.trueIou(0, 1, 1, 2)).isZero();
        // eval.py's cross IoU divides 0 by 0 for two empty windows at one point; the hull variant says 0
        assertThat(TemporalIou.trueIou(2, 2, 2, 2)).isNaN();
        assertThat(TemporalIou.iou(2, 2, 2, 2)).isZero();
    }
}
