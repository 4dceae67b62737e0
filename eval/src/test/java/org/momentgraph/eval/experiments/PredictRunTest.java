package org.momentgraph.eval.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.train.TrainConfig;
import org.momentgraph.eval.metrics.TvrEvalOptions;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.metrics.TvrReport;
import org.momentgraph.eval.predictions.QvhPrediction;
import org.momentgraph.eval.predictions.QvhPredictionsJsonl;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrSubmissionJson;
import org.momentgraph.eval.predictions.TvrTask;
import org.momentgraph.eval.synthetic.CorpusWriter;
import org.momentgraph.eval.synthetic.SyntheticConfig;
import org.momentgraph.eval.synthetic.SyntheticCorpus;

/** A small model trained on a generated corpus predicts official-format files that the evaluators read. */
class PredictRunTest {

    @TempDir
    static Path tmp;
    private static Path corpus;
    private static Path model;
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @BeforeAll
    static void trainTinyModel() {
        corpus = tmp.resolve("corpus");
        CorpusWriter.write(SyntheticConfig.builder().videos(24).seed(3).dim(32).build(), corpus, (d, t, s) -> { });
        ExperimentConfig config = ExperimentConfig.forDataset("synthetic", corpus, null, null, false, true, ClipFilterKind.LABEL_BAG, tmp);
        try (MiniLmTextEncoder text = MiniLmTextEncoder.builder().build()) {
            ExperimentData data = ExperimentData.synthetic(config, text, QUIET);
            model = ModelTraining.train(data, ModelConfig.defaults().withSize(32, 1, 2, 64), LossConfig.defaults(),
                    TrainConfig.defaults().withEpochs(1), tmp.resolve("run"), QUIET).modelDir();
        }
    }

    @Test
    void aTvrSubmissionHasAllThreeTasksAndScoresWithTheEvaluator() {
        Path out = tmp.resolve("pred.json");
        int n = PredictRun.predict(model, "synthetic", corpus, "test", null, null, out, "tvr", ClipFilterKind.LABEL_BAG,
                null, 0.5, null, QUIET);
        TvrSubmission submission = TvrSubmissionJson.read(out);
        List<Query> gt;
        try (SyntheticCorpus c = SyntheticCorpus.load(corpus)) {
            gt = c.queries("test");
        }
        assertThat(n).isEqualTo(gt.size()).isPositive();
        for (TvrTask task : TvrTask.values()) {
            assertThat(submission.predictions(task)).hasSize(n);
        }
        // VCMR and VR rank over the test split's videos only
        int testVideos = (int) gt.stream().map(Query::videoId).distinct().count();
        assertThat(submission.predictions(TvrTask.VR).get(0).moments()).hasSizeGreaterThanOrEqualTo(testVideos);
        assertThat(submission.predictions(TvrTask.SVMR)).allSatisfy(r -> assertThat(r.moments())
                .allSatisfy(m -> assertThat(m.end()).isGreaterThan(m.start())));
        TvrReport report = new TvrEvaluator(TvrEvalOptions.defaults()).evaluate(gt, submission);
        assertThat(report.tasks()).containsKeys(TvrTask.VCMR, TvrTask.SVMR, TvrTask.VR);
        // every query's own video is among the ranked videos, so VR recall at 100 is complete
        assertThat(report.tasks().get(TvrTask.VR).recall().get("r100")).isEqualTo(100.0);
    }

    @Test
    void qvhighlightsLinesHoldWindowsInTheQuerysVideo() {
        Path out = tmp.resolve("pred.jsonl");
        PredictRun.predict(model, "synthetic", corpus, "val", null, null, out, "qvhighlights", ClipFilterKind.LABEL_BAG,
                null, -1.0, null, QUIET);
        List<QvhPrediction> lines = QvhPredictionsJsonl.read(out);
        assertThat(lines).isNotEmpty().allSatisfy(p -> {
            assertThat(p.windows()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
            assertThat(p.windows()).allSatisfy(w -> assertThat(w.videoId()).isEqualTo(p.vid()));
        });
    }

    @Test
    void badArgumentsNameTheProblem() {
        Path out = tmp.resolve("x.json");
        ClipFilterKind bag = ClipFilterKind.LABEL_BAG;
        assertThatThrownBy(() -> PredictRun.predict(model, "synthetic", corpus, "test", null, null, out, "csv", bag, null, 0.0,
                null, QUIET)).hasMessageContaining("--format");
        assertThatThrownBy(() -> PredictRun.predict(model, "nope", corpus, "test", null, null, out, "tvr", bag, null, 0.0,
                null, QUIET)).hasMessageContaining("--dataset");
        assertThatThrownBy(() -> PredictRun.predict(tmp.resolve("missing"), "synthetic", corpus, "test", null, null, out,
                "tvr", bag, null, 0.0, null, QUIET)).isInstanceOf(DataFormatException.class);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void configErrorsNameTheFieldAndVariantsCoverTheAblations() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"dataset\": {\"type\": \"imagenet\"}}");
        assertThatThrownBy(() -> ExperimentConfig.read(bad)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.dataset.type");
        Path good = tmp.resolve("good.json");
        Files.writeString(good, "{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}, \"train\": {\"epochs\": 2}}");
        ExperimentConfig config = ExperimentConfig.read(good);
        assertThat(config.train().epochs()).isEqualTo(2);
        assertThat(Ablations.of(config)).extracting(Variant::name).containsExactly("full", "no clip filter",
                "no graph stream", "no graph (stream + filter)", "no VideoCL", "no FrameCL", "no VVCL", "no QCF");
        assertThat(Ablations.of(config).get(7).model().queryAwareFusion()).isFalse();
        assertThat(Ablations.of(config).get(4).loss().videoContrastive().enabled()).isFalse();
    }
}
