package org.momentgraph.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Span;

/** The two AP definitions of Moment-DETR's evaluator on cases small enough to work out by hand. */
class QvhApTest {

    private static final double[] HALF = {0.5};

    @Test
    void detectionApRanksByScoreAndMatchesEachWindowOnce() {
        List<Span> gt = List.of(new Span(0, 10), new Span(20, 30));
        // by score: [0,10] hit, [1,10] duplicate of a taken window -> false positive, [20,30] hit
        List<Moment> preds = List.of(new Moment("v", 20, 30, 0.5), new Moment("v", 0, 10, 0.9), new Moment("v", 1, 10, 0.8));
        // precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1 -> interpolated: 1 over [0, 0.5], 2/3 over (0.5, 1]
        assertThat(DetectionAp.averagePrecision(gt, preds, HALF)[0]).isCloseTo(0.5 + 0.5 * 2 / 3.0, within(1e-15));
        // at IoU 0.95 only exact windows count, which is the same here
        assertThat(DetectionAp.averagePrecision(gt, preds, new double[] {0.95})[0]).isCloseTo(0.5 + 1 / 3.0, within(1e-15));
    }

    @Test
    void detectionApOfNoPredictionsIsZeroAndOfAPerfectListIsOne() {
        List<Span> gt = List.of(new Span(0, 10));
        assertThat(DetectionAp.averagePrecision(gt, List.of(), HALF)).containsExactly(0.0);
        assertThat(DetectionAp.averagePrecision(gt, List.of(new Moment("v", 0, 10, 1), new Moment("v", 50, 60, 0.5)), HALF))
                .containsExactly(1.0);
    }

    @Test
    void highlightApAveragesInterpolatedPrecisionAtEachRecallStep() {
        // ranked labels 1, 0, 1, 0: recall 1/2 at precision 1, recall 1 at precision 2/3
        double ap = HighlightAp.averagePrecision(new double[] {1, 0, 1, 0}, new double[] {0.9, 0.8, 0.7, 0.1});
        assertThat(ap).isCloseTo((1 + 2 / 3.0) / 2, within(1e-15));
        // tied scores form one curve point: 2 positives and 1 negative at once
        double tied = HighlightAp.averagePrecision(new double[] {1, 0, 1, 0}, new double[] {0.5, 0.5, 0.5, 0.1});
        assertThat(tied).isCloseTo(2 / 3.0, within(1e-15));
    }

    @Test
    void highlightApOfUniformLabelsIsDecidedByTheLabels() {
        assertThat(HighlightAp.averagePrecision(new double[] {0, 0}, new double[] {1, 2})).isEqualTo(0.0);
        assertThat(HighlightAp.averagePrecision(new double[] {1, 1}, new double[] {1, 2})).isEqualTo(1.0);
    }

    @Test
    void pairwiseSumFollowsNumpyOrder() {
        double[] a = new double[200];
        for (int i = 0; i < a.length; i++) {
            a[i] = 0.1 * (i % 7) + 1e-3 * i;
        }
        double sequential = 0;
        for (double v : a) {
            sequential += v;
        }
        assertThat(PairwiseSum.sum(a)).isCloseTo(sequential, within(1e-10));
        assertThat(PairwiseSum.sum(new double[] {1, 2, 3})).isEqualTo(6.0);
    }
}
