package org.momentgraph.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Moment;

class TemporalNmsTest {

    @Test
    void suppressesOnlyAboveTheThresholdInListOrder() {
        Moment first = new Moment("v", 0, 10, 0.1);
        Moment halfOverlap = new Moment("v", 0, 5, 0.9);   // IoU 0.5 with first: kept at threshold 0.5
        Moment nearCopy = new Moment("v", 0, 9, 0.99);     // IoU 0.9: suppressed though its score is higher
        Moment elsewhere = new Moment("w", 0, 10, 0.5);    // other video: kept
        List<Moment> kept = new TemporalNms(0.5).apply(List.of(first, halfOverlap, nearCopy, elsewhere));
        assertThat(kept).containsExactly(first, halfOverlap, elsewhere);
    }

    @Test
    void aSuppressedMomentSuppressesNothing() {
        Moment a = new Moment("v", 0, 10, 1);
        Moment b = new Moment("v", 2, 12, 1);  // IoU 8/12 with a: suppressed
        Moment c = new Moment("v", 4, 14, 1);  // IoU 6/14 with a, 8/12 with b: kept, b is gone
        assertThat(new TemporalNms(0.6).apply(List.of(a, b, c))).containsExactly(a, c);
    }
}
