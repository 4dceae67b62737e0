package org.momentgraph.eval.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.SharedData;
import org.momentgraph.domain.Span;
import org.momentgraph.eval.data.TvrJsonl;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrSubmissionJson;
import org.momentgraph.eval.predictions.TvrTask;

/**
 * The real TVR dev queries with a simple deterministic submission, written to and read back from the
 * submission format; every expected value follows from the rules by counting.
 *
 * <ul>
 *   <li>VCMR: another video's exact window first, then the query's own video at [0, 10] s, then the exact window.
 *   <li>SVMR: the same list: the other video is dropped, so [0, 10] s ranks first.
 *   <li>VR: even-numbered queries (file order) rank another video first, odd ones their own.
 * </ul>
 */
class TvrEvaluatorRealDataTest {

    private static final Span FIXED = new Span(0, 10);

    private static List<Query> gt;
    private static TvrSubmission submission;

    @BeforeAll
    static void build() {
        gt = TvrJsonl.read(SharedData.file("tvr_tvqaplus/tvr_dev_queries.jsonl"));
        List<RankedMoments> moments = new ArrayList<>();
        List<RankedMoments> videos = new ArrayList<>();
        for (int i = 0; i < gt.size(); i++) {
            Query q = gt.get(i);
            String other = otherVideo(q);
            moments.add(new RankedMoments(q.id(), q.text(), List.of(
                    new Moment(other, q.span().start(), q.span().end(), 0.9),
                    new Moment(q.videoId(), FIXED.start(), FIXED.end(), 0.5),
                    new Moment(q.videoId(), q.span().start(), q.span().end(), 0.1))));
            List<Moment> ranked = i % 2 == 0
                    ? List.of(new Moment(other, 0, 0, 1), new Moment(q.videoId(), 0, 0, 0.5))
                    : List.of(new Moment(q.videoId(), 0, 0, 1), new Moment(other, 0, 0, 0.5));
            videos.add(new RankedMoments(q.id(), q.text(), ranked));
        }
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        tasks.put(TvrTask.VCMR, moments);
        tasks.put(TvrTask.SVMR, moments);
        tasks.put(TvrTask.VR, videos);
        submission = TvrSubmission.of(tasks);
    }

    private static String otherVideo(Query q) {
        return gt.stream().map(Query::videoId).filter(v -> !v.equals(q.videoId())).findFirst().orElseThrow();
    }

    /** Share (percent, Python-rounded) of queries of the type (null = all) for which the predicate holds. */
    private static double percent(String type, java.util.function.IntPredicate holds) {
        int n = 0;
        int yes = 0;
        for (int i = 0; i < gt.size(); i++) {
            if (type == null || gt.get(i).type().equals(type)) {
                n++;
                yes += holds.test(i) ? 1 : 0;
            }
        }
        return OfficialRounding.percent((double) yes / n);
    }

    /** IoU of [0, 10] with the GT, in float32 like eval.py's arrays (GT times are rounded to float first). */
    private static boolean fixedWindowHits(int i, double threshold) {
        Span ts = gt.get(i).span();
        float start = (float) ts.start();
        float end = (float) ts.end();
        float inter = Math.max(0f, Math.min(10f, end) - Math.max(0f, start));
        float union = Math.max(10f, end) - Math.min(0f, start);
        return inter / union >= (float) threshold;
    }

    @Test
    void aRealQuerySitsOnTheFloat32Edge() {
        // ts [5.7, 8.7]: IoU with [0, 10] is 0.29999999999999993 in double but 0.3 in float32, so eval.py
        // counts it at IoU 0.3; a double-precision evaluator would score SVMR 0.3-r1 one query lower
        int edge = -1;
        for (int i = 0; i < gt.size(); i++) {
            if (gt.get(i).span().equals(new Span(5.7, 8.7))) {
                edge = i;
            }
        }
        assertThat(edge).isNotNegative();
        assertThat((8.7 - 5.7) / 10).isLessThan(0.3);
        assertThat(fixedWindowHits(edge, 0.3)).isTrue();
    }

    @Test
    void scoresOfTheSubmissionReadBackFromItsFile(@TempDir Path dir) {
        Path file = dir.resolve("submission.json");
        TvrSubmissionJson.write(file, submission);
        TvrReport report = new TvrEvaluator(TvrEvalOptions.defaults()).evaluate(gt, TvrSubmissionJson.read(file));
        assertThat(gt).hasSize(1015);

        Map<String, Double> vcmr = report.tasks().get(TvrTask.VCMR).recall();
        Map<String, Double> svmr = report.tasks().get(TvrTask.SVMR).recall();
        for (double t : new double[] {0.3, 0.5, 0.7}) {
            double fixedShare = percent(null, i -> fixedWindowHits(i, t));
            assertThat(vcmr.get(t + "-r1")).as("VCMR %s-r1", t).isEqualTo(0.0);
            assertThat(vcmr.get(t + "-r5")).as("VCMR %s-r5", t).isEqualTo(100.0);
            assertThat(svmr.get(t + "-r1")).as("SVMR %s-r1", t).isEqualTo(fixedShare);
            assertThat(svmr.get(t + "-r5")).as("SVMR %s-r5", t).isEqualTo(100.0);
            for (String type : List.of("v", "t", "vt")) {
                assertThat(report.tasks().get(TvrTask.SVMR).byType().get(type + "-" + t + "-r1"))
                        .as("SVMR %s-%s-r1", type, t).isEqualTo(percent(type, i -> fixedWindowHits(i, t)));
            }
        }
        // the fixed window must separate the thresholds, or this test would prove little
        assertThat(svmr.get("0.3-r1")).isGreaterThan(svmr.get("0.7-r1")).isGreaterThan(0.0);

        Map<String, Double> vr = report.tasks().get(TvrTask.VR).recall();
        assertThat(vr.get("r1")).isEqualTo(percent(null, i -> i % 2 == 1));
        assertThat(vr.get("r5")).isEqualTo(100.0);
        assertThat(report.tasks().get(TvrTask.VR).byType().get("vt-r1")).isEqualTo(percent("vt", i -> i % 2 == 1));
        // 799 v, 75 t, 141 vt
        assertThat(report.descTypeRatio()).isEqualTo("v 78.72 t 7.39 vt 13.89");

        ObjectNode json = report.toJson();
        assertThat(json.fieldNames()).toIterable().containsExactly("VCMR", "SVMR", "VR", "VCMR_by_type",
                "SVMR_by_type", "VR_by_type", "mIoU", "conventions");
        assertThat(json.get("VCMR").fieldNames()).toIterable().startsWith("0.3-r1", "0.3-r5", "0.3-r10", "0.3-r100", "0.5-r1");
        assertThat(json.get("mIoU").get("VCMR").doubleValue()).isEqualTo(0.0);
    }
}
