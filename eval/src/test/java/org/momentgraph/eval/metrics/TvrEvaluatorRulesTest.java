package org.momentgraph.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;

/** Hand-built cases, one per rule of TVRetrieval's eval.py that moves scores. */
class TvrEvaluatorRulesTest {

    private static final TvrEvaluator DEFAULT = new TvrEvaluator(TvrEvalOptions.defaults());

    private static Query gt(String id, String video, double start, double end, String type) {
        return new Query(id, "query " + id, video, 100, List.of(new Span(start, end)), type);
    }

    private static Moment m(String video, double start, double end, double score) {
        return new Moment(video, start, end, score);
    }

    private static List<RankedMoments> one(String id, Moment... moments) {
        return List.of(new RankedMoments(id, "", List.of(moments)));
    }

    @Test
    void listOrderRanksAndTheScoreIsNotRead() {
        List<Query> gt = List.of(gt("1", "v1", 10, 20, "v"));
        // the right window has the higher score but the second place in the list
        List<RankedMoments> pred = one("1", m("v1", 50, 60, 0.1), m("v1", 10, 20, 0.9));
        Map<String, Double> r = DEFAULT.evaluate(TvrTask.VCMR, gt, pred).recall();
        assertThat(r.get("0.5-r1")).isEqualTo(0.0);
        assertThat(r.get("0.5-r5")).isEqualTo(100.0);
        assertThat(DEFAULT.evaluate(TvrTask.SVMR, gt, pred).recall().get("0.7-r1")).isEqualTo(0.0);
    }

    @Test
    void onlyTheFirstHundredPredictionsCount() {
        List<Query> gt = List.of(gt("1", "v1", 10, 20, "v"));
        List<Moment> ranked = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ranked.add(m("v1", 60, 70, 1));
        }
        ranked.add(m("v1", 10, 20, 1)); // 101st
        List<RankedMoments> late = List.of(new RankedMoments("1", "", ranked));
        assertThat(DEFAULT.evaluate(TvrTask.VCMR, gt, late).recall().get("0.5-r100")).isEqualTo(0.0);
        assertThat(DEFAULT.evaluate(TvrTask.SVMR, gt, late).recall().get("0.5-r100")).isEqualTo(0.0);
        ranked.remove(0); // now the 100th
        List<RankedMoments> inTime = List.of(new RankedMoments("1", "", ranked));
        assertThat(DEFAULT.evaluate(TvrTask.VCMR, gt, inTime).recall().get("0.5-r100")).isEqualTo(100.0);
        TvrEvaluator capTen = new TvrEvaluator(TvrEvalOptions.defaults().withMaxPredictions(10));
        assertThat(capTen.evaluate(TvrTask.VCMR, gt, inTime).recall().get("0.5-r100")).isEqualTo(0.0);
    }

    @Test
    void wrongVideoScoresZeroInVcmrButIsDroppedBeforeRankingInSvmr() {
        List<Query> gt = List.of(gt("1", "v1", 10, 20, "v"));
        // the exact window, but in another video, ranked first
        List<RankedMoments> pred = one("1", m("v2", 10, 20, 1), m("v1", 10, 20, 1));
        TvrTaskScores vcmr = DEFAULT.evaluate(TvrTask.VCMR, gt, pred);
        TvrTaskScores svmr = DEFAULT.evaluate(TvrTask.SVMR, gt, pred);
        assertThat(vcmr.recall().get("0.5-r1")).isEqualTo(0.0);
        assertThat(vcmr.recall().get("0.5-r5")).isEqualTo(100.0);
        assertThat(svmr.recall().get("0.5-r1")).isEqualTo(100.0);
        assertThat(vcmr.meanIou()).isEqualTo(0.0);
        assertThat(svmr.meanIou()).isEqualTo(100.0);
    }

    @Test
    void repeatedVideosInVrKeepTheirRanks() {
        List<Query> gt = List.of(gt("1", "v1", 10, 20, "v"));
        List<RankedMoments> pred = one("1", m("v2", 0, 0, 1), m("v2", 0, 0, 1), m("v3", 0, 0, 1),
                m("v4", 0, 0, 1), m("v1", 0, 0, 1));
        TvrEvaluator ks = new TvrEvaluator(TvrEvalOptions.defaults().withRecallKs(List.of(1, 4, 5)));
        Map<String, Double> r = ks.evaluate(TvrTask.VR, gt, pred).recall();
        // merged duplicates would put v1 4th
        assertThat(r).containsExactly(Map.entry("r1", 0.0), Map.entry("r4", 0.0), Map.entry("r5", 100.0));
    }

    @Test
    void atLeastAndStrictConventionsDifferExactlyOnTheThreshold() {
        List<Query> gt = List.of(gt("1", "v1", 0, 10, "v"));
        List<RankedMoments> pred = one("1", m("v1", 0, 5, 1)); // IoU exactly 0.5
        TvrEvaluator strict = new TvrEvaluator(TvrEvalOptions.defaults().withMatch(IouMatch.GREATER));
        assertThat(DEFAULT.evaluate(TvrTask.SVMR, gt, pred).recall().get("0.5-r1")).isEqualTo(100.0);
        assertThat(strict.evaluate(TvrTask.SVMR, gt, pred).recall().get("0.5-r1")).isEqualTo(0.0);
        assertThat(strict.evaluate(TvrTask.SVMR, gt, pred).recall().get("0.3-r1")).isEqualTo(100.0);
    }

    @Test
    void iouIsComparedInSinglePrecisionAsEvalPyDoes() {
        List<Query> gt = List.of(gt("1", "v1", 0, 10, "v"));
        // in double the IoU is 0.69999999 < 0.7; eval.py's float32 arrays round 6.9999999 to 7
        List<RankedMoments> pred = one("1", m("v1", 0, 6.9999999, 1));
        assertThat(TemporalIou.iou(0, 6.9999999, 0, 10)).isLessThan(0.7);
        assertThat(DEFAULT.evaluate(TvrTask.SVMR, gt, pred).recall().get("0.7-r1")).isEqualTo(100.0);
    }

    @Test
    void scoresAreBrokenDownByQueryType() {
        List<Query> gt = List.of(gt("1", "v1", 0, 10, "v"), gt("2", "v2", 0, 10, "v"),
                gt("3", "v3", 0, 10, "t"), gt("4", "v4", 0, 10, "vt"));
        List<RankedMoments> pred = List.of(
                new RankedMoments("1", "", List.of(m("v1", 0, 10, 1))),  // hit
                new RankedMoments("2", "", List.of(m("v2", 50, 60, 1))), // miss
                new RankedMoments("3", "", List.of(m("v3", 0, 10, 1))),  // hit
                new RankedMoments("4", "", List.of(m("v1", 0, 10, 1)))); // wrong video
        TvrTaskScores s = DEFAULT.evaluate(TvrTask.VCMR, gt, pred);
        assertThat(s.recall().get("0.5-r1")).isEqualTo(50.0);
        assertThat(s.byType().get("v-0.5-r1")).isEqualTo(50.0);
        assertThat(s.byType().get("t-0.5-r1")).isEqualTo(100.0);
        assertThat(s.byType().get("vt-0.5-r1")).isEqualTo(0.0);
        assertThat(s.byType().keySet()).first().isEqualTo("v-0.3-r1");
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        tasks.put(TvrTask.VCMR, pred);
        TvrReport report = DEFAULT.evaluate(gt, TvrSubmission.of(tasks));
        assertThat(report.descTypeRatio()).isEqualTo("v 50.0 t 25.0 vt 25.0");
        assertThat(report.toJson().get("VCMR_by_type").get("desc_type_ratio").asText()).isEqualTo("v 50.0 t 25.0 vt 25.0");
    }

    @Test
    void untypedQueriesHaveNoBreakdown() {
        List<Query> gt = List.of(gt("1", "v1", 0, 10, ""));
        TvrTaskScores s = DEFAULT.evaluate(TvrTask.SVMR, gt, one("1", m("v1", 0, 10, 1)));
        assertThat(s.byType()).isEmpty();
    }

    @Test
    void nmsSuppressesOverlapsWithinTheSameVideoOnly() {
        List<Query> gt = List.of(gt("1", "v1", 20, 30, "v"));
        TvrEvalOptions ks = TvrEvalOptions.defaults().withRecallKs(List.of(1, 2));
        List<RankedMoments> sameVideo = one("1", m("v1", 0, 10, 1), m("v1", 1, 11, 1), m("v1", 20, 30, 1));
        assertThat(new TvrEvaluator(ks).evaluate(TvrTask.VCMR, gt, sameVideo).recall().get("0.5-r2")).isEqualTo(0.0);
        TvrEvaluator nms = new TvrEvaluator(ks.withNms(0.5));
        assertThat(nms.evaluate(TvrTask.VCMR, gt, sameVideo).recall().get("0.5-r2")).isEqualTo(100.0);
        List<RankedMoments> otherVideo = one("1", m("v2", 0, 10, 1), m("v1", 1, 11, 1), m("v1", 20, 30, 1));
        assertThat(nms.evaluate(TvrTask.VCMR, gt, otherVideo).recall().get("0.5-r2")).isEqualTo(0.0);
        // VR lists are never suppressed
        List<RankedMoments> videos = one("1", m("v2", 0, 10, 1), m("v2", 0, 10, 1), m("v1", 0, 10, 1));
        assertThat(nms.evaluate(TvrTask.VR, gt, videos).recall().get("r2")).isEqualTo(0.0);
    }

    @Test
    void gtEndsPastTheDurationAreKeptOrClippedOnRequest() {
        Query late = new Query("1", "q", "v1", 10, List.of(new Span(5, 12)), "v");
        List<RankedMoments> pred = one("1", m("v1", 5, 10, 1)); // IoU 5/7 kept, 1 clipped
        TvrEvalOptions at08 = TvrEvalOptions.defaults().withIouThresholds(List.of(0.8));
        assertThat(new TvrEvaluator(at08).evaluate(TvrTask.SVMR, List.of(late), pred).recall().get("0.8-r1")).isEqualTo(0.0);
        TvrEvaluator clipped = new TvrEvaluator(at08.withEndClipping(EndClipping.CLIPPED));
        assertThat(clipped.evaluate(TvrTask.SVMR, List.of(late), pred).recall().get("0.8-r1")).isEqualTo(100.0);
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        tasks.put(TvrTask.SVMR, pred);
        assertThat(clipped.evaluate(List.of(late), TvrSubmission.of(tasks)).toJson()
                .get("conventions").get("gt_end_beyond_duration").asText()).isEqualTo("clipped");
    }

    @Test
    void percentagesRoundAsPythonRound() {
        List<Query> gt = List.of(gt("1", "v1", 0, 10, "v"), gt("2", "v2", 0, 10, "v"), gt("3", "v3", 0, 10, "v"));
        List<RankedMoments> pred = List.of(new RankedMoments("1", "", List.of(m("v1", 0, 10, 1))),
                new RankedMoments("2", "", List.of(m("v2", 0, 10, 1))),
                new RankedMoments("3", "", List.of(m("v3", 90, 99, 1))));
        assertThat(DEFAULT.evaluate(TvrTask.SVMR, gt, pred).recall().get("0.5-r1")).isEqualTo(66.67);
        assertThat(OfficialRounding.round2(0.125)).isEqualTo(0.12); // half to even on the exact binary value
        assertThat(OfficialRounding.round2(1.005)).isEqualTo(1.0);  // 1.005 is 1.00499999... in binary
        assertThat(OfficialRounding.repr(OfficialRounding.percent(0.1))).isEqualTo("10.0");
    }

    @Test
    void mismatchedQueryIdsAreRejected() {
        List<Query> gt = List.of(gt("1", "v1", 0, 10, "v"), gt("2", "v2", 0, 10, "v"));
        assertThatThrownBy(() -> DEFAULT.evaluate(TvrTask.VCMR, gt, one("1", m("v1", 0, 10, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 without predictions [2]");
    }

    @Test
    void emptyPredictionListsMissEverything() {
        List<Query> gt = List.of(gt("1", "v1", 0, 10, "v"));
        assertThat(DEFAULT.evaluate(TvrTask.VCMR, gt, one("1")).recall().values()).containsOnly(0.0);
    }
}
