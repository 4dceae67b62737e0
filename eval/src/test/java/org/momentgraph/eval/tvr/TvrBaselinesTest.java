package org.momentgraph.eval.tvr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.ClipLabelBags;
import org.momentgraph.encoders.data.DetectionObjectStream;
import org.momentgraph.encoders.data.ObjectStreamBuilder;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.metrics.TvrEvalOptions;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.metrics.TvrReport;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrSubmissionJson;
import org.momentgraph.eval.predictions.TvrTask;

/** The baselines on the real development half, scored by the official-metric evaluator. */
class TvrBaselinesTest {

    private static TvrTvqaPlusDataset data;
    private static MiniLmTextEncoder encoder;
    private static LabelEmbeddings labels;
    private static final TvrEvaluator EVALUATOR = new TvrEvaluator(TvrEvalOptions.defaults());

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        data = TvrTvqaPlusDataset.load();
        encoder = MiniLmTextEncoder.builder().build();
        labels = new LabelEmbeddings(encoder);
    }

    @AfterAll
    static void tearDown() {
        encoder.close();
    }

    @Test
    void zeroShotSubmissionIsValidAndBeatsRandomVideoRanking() {
        ZeroShotBaseline joined = new ZeroShotBaseline("joined", data, new LabelCosineScorer(data, encoder, labels, BagText.JOINED));
        List<Query> queries = data.queries();
        TvrSubmission submission = joined.predict(List.of(), queries);

        for (TvrTask task : TvrTask.values()) {
            assertThat(submission.predictions(task)).hasSize(queries.size());
        }
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            List<Moment> vr = submission.predictions(TvrTask.VR).get(i).moments();
            assertThat(vr).hasSize(100).extracting(Moment::videoId).doesNotHaveDuplicates();
            List<Moment> svmr = submission.predictions(TvrTask.SVMR).get(i).moments();
            assertThat(svmr).isNotEmpty().hasSizeLessThanOrEqualTo(100).allSatisfy(m -> {
                assertThat(m.videoId()).isEqualTo(q.videoId());
                assertThat(m.start()).isGreaterThanOrEqualTo(0).isLessThan(m.end());
                assertThat(m.end()).isLessThanOrEqualTo(q.duration());
            });
            List<Moment> vcmr = submission.predictions(TvrTask.VCMR).get(i).moments();
            assertThat(vcmr).hasSize(100).extracting(Moment::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }

        // the file eval.py would read scores the same
        Path file = dir.resolve("zero_shot.json");
        TvrSubmissionJson.write(file, submission);
        TvrReport report = EVALUATOR.evaluate(queries, submission);
        assertThat(EVALUATOR.evaluate(queries, TvrSubmissionJson.read(file)).toJson()).isEqualTo(report.toJson());

        double randomR10 = EVALUATOR.evaluate(queries, randomVideos(queries, 7L)).tasks().get(TvrTask.VR).recall().get("r10");
        double chanceR10 = 100.0 * 10 / data.corpus().size();
        assertThat(randomR10).isBetween(chanceR10 / 2, chanceR10 * 2); // the shuffle is what chance looks like
        double r10 = report.tasks().get(TvrTask.VR).recall().get("r10");
        double r1 = report.tasks().get(TvrTask.VR).recall().get("r1");
        assertThat(r10).isGreaterThan(4 * Math.max(randomR10, chanceR10));
        assertThat(r1).isGreaterThan(10 * 100.0 / data.corpus().size());
        // the v queries describe what is seen, so labels match them better than the subtitle-only t queries
        Map<String, Double> byType = report.tasks().get(TvrTask.VR).byType();
        assertThat(byType.get("v-r10")).isGreaterThan(byType.get("t-r10"));
        assertThat(report.tasks().get(TvrTask.SVMR).recall().get("0.5-r5")).isGreaterThan(report.tasks().get(TvrTask.SVMR).recall().get("0.5-r1"));
    }

    @Test
    void objectStreamOnRealBoxesHasGridShapesAndMasks() {
        labels.applyAll(data.normalizedLabels());
        DetectionObjectStream stream = data.objectStream(labels);
        assertThat(data.objectStream(labels)).isSameAs(stream);
        assertThat(stream.dim()).isEqualTo(MiniLmTextEncoder.DIM + DetectionObjectStream.GEOMETRY);
        DetectionObjectStream rebuilt = ObjectStreamBuilder.builder().optFrameSize(640, 360)
                .optCharacters(TvrTvqaPlusDataset.CHARACTERS::contains).build(data.videos(), data.boxes().byClip(), labels);
        int annotatedClips = 0;
        for (String id : data.corpus()) {
            Video video = data.video(id);
            float[][] x = stream.clips(id);
            boolean[] mask = stream.annotated(id);
            assertThat(x).hasNumberOfRows(video.grid().size());
            List<List<FrameDetections>> perClip = ClipLabelBags.framesPerClip(video, data.frames(id));
            for (int c = 0; c < x.length; c++) {
                assertThat(mask[c]).isEqualTo(!perClip.get(c).isEmpty());
                assertThat(x[c][MiniLmTextEncoder.DIM + DetectionObjectStream.ANNOTATED]).isEqualTo(mask[c] ? 1f : 0f);
                if (!data.labelBags(id).get(c).isEmpty()) {
                    double norm = 0;
                    for (int k = 0; k < MiniLmTextEncoder.DIM; k++) {
                        norm += x[c][k] * x[c][k];
                    }
                    assertThat(Math.sqrt(norm)).isCloseTo(1, within(1e-4));
                }
                annotatedClips += mask[c] ? 1 : 0;
            }
            assertThat(rebuilt.clips(id)).isDeepEqualTo(x);
        }
        assertThat(annotatedClips).isPositive();
    }

    @Test
    void priorsAreCrossValidatedOverEpisodeFolds() {
        List<EpisodeFold> folds = EpisodeFolds.split(data.queries());
        BaselineResult positional = TvrBaselines.crossValidate(new PositionalPriorBaseline(), folds, EVALUATOR);
        BaselineResult boxes = TvrBaselines.crossValidate(new BoxPlacementBaseline(data, BoxPrior.BOX_SPAN, null), folds, EVALUATOR);
        for (BaselineResult r : List.of(positional, boxes)) {
            assertThat(r.queries()).isEqualTo(1_015);
            assertThat(r.perFold()).hasSize(5);
            assertThat(r.get("all", "VR r1")).isNaN();
            double mean = r.perFold().stream().mapToDouble(f -> f.get("all").get("SVMR 0.5-r1")).average().orElseThrow();
            assertThat(r.get("all", "SVMR 0.5-r1")).isEqualTo(mean).isBetween(0.5, 50.0);
            assertThat(r.get("v", "SVMR mIoU")).isPositive();
        }
        // the positional prior is fitted on the training side only: one window shape per fold
        double[] fold0 = PositionalPriorBaseline.fit(folds.get(0).train());
        double[] fold1 = PositionalPriorBaseline.fit(folds.get(1).train());
        assertThat(fold0).isNotEqualTo(fold1);
        assertThat(fold0[0]).isBetween(0.0, 1.0);
        String md = TvrBaselines.markdown(List.of(positional, boxes));
        assertThat(md).contains("| positional prior (train mean) | 5-fold mean | all |", "| box prior: first-to-last box |", " - |");
        assertThat(TvrBaselines.json(List.of(positional), folds).get("folds")).hasSize(5);
    }

    /** Every query's VR list: the corpus in a seeded random order. */
    private static TvrSubmission randomVideos(List<Query> queries, long seed) {
        Random random = new Random(seed);
        List<RankedMoments> lists = new ArrayList<>();
        for (Query q : queries) {
            List<String> corpus = new ArrayList<>(data.corpus());
            Collections.shuffle(corpus, random);
            lists.add(new RankedMoments(q.id(), q.text(), corpus.subList(0, 100).stream()
                    .map(v -> new Moment(v, 0, data.video(v).duration(), 0)).toList()));
        }
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        tasks.put(TvrTask.VR, lists);
        return TvrSubmission.of(tasks);
    }
}
