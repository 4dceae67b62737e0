package org.momentgraph.encoders.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.loss.LossConfig.Term;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.testing.ToyCorpus;

class RetrievalTrainerTest {

    private static final TrainingSet SET = ToyCorpus.generate(40, 16, 60, 21);

    @TempDir
    Path tmp;

    private TrainResult run(Path out, int epochs, long seed, boolean resume, ByteArrayOutputStream log) {
        TrainConfig config = new TrainConfig(epochs, 8, 3e-3f, 0.1f, 0.1f, 1f, seed, 40, 2);
        // ReLoCLNet's weights: the hinge leads, so the total falls fast on the toy set; the mechanics are
        // what is tested here (the default's heavier localisation falls more slowly over 4 epochs)
        LossConfig loss = LossConfig.defaults().withTerms(Term.on(1f), Term.on(0.01f), Term.on(0.03f), Term.on(0.03f),
                Term.on(0.03f));
        return RetrievalTrainer.builder().model(ToyCorpus.config()).loss(loss).train(config).info(ToyCorpus.info(SET, 40))
                .data(SET).output(out).resume(resume)
                .validator(r -> Map.of("val_queries", (double) SET.split("val").size()))
                .progress(new ProgressBar(new PrintStream(log, true, StandardCharsets.UTF_8), false)).build().train();
    }

    @Test
    void lossFallsAndEveryEpochIsCheckpointedWithCurves() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainResult result = run(tmp.resolve("a"), 4, 7, false, log);
        List<EpochRecord> epochs = result.history().epochs();
        assertThat(epochs).hasSize(4);
        System.out.println("toy losses " + epochs.stream().map(e -> e.losses().get("total")).toList());
        assertThat(epochs.get(3).losses().get("total")).isLessThan(0.85 * epochs.get(0).losses().get("total"));
        assertThat(epochs.get(0).losses()).containsKeys("total", "vr_hinge", "localization", "video_cl", "frame_cl",
                "intra_video_cl");
        assertThat(epochs.get(0).metrics()).containsEntry("val_queries", (double) SET.split("val").size());
        assertThat(result.queriesPerSecond()).isPositive();
        for (String f : List.of("history.csv", "steps.csv", "loss.png", "metrics.png")) {
            assertThat(tmp.resolve("a").resolve(f)).isNotEmptyFile();
        }
        assertThat(Files.readAllLines(tmp.resolve("a/history.csv"))).hasSize(5);
        // keepCheckpoints = 2: the newest two remain
        assertThat(new Checkpoints(tmp.resolve("a/checkpoints"), 2).list()).extracting(p -> p.getFileName().toString())
                .containsExactly("epoch-0003", "epoch-0004");
        assertThat(ModelDirectory.open(result.modelDir()).info().epochsCompleted()).isEqualTo(4);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("epoch 1/4 [", "q/s ETA", "epoch 4: loss");
    }

    @Test
    void sameSeedGivesTheSameLossSequenceAndAnotherSeedDoesNot() {
        List<Double> first = run(tmp.resolve("s1"), 1, 5, false, new ByteArrayOutputStream()).history().epochs().get(0)
                .stepTotals();
        List<Double> again = run(tmp.resolve("s2"), 1, 5, false, new ByteArrayOutputStream()).history().epochs().get(0)
                .stepTotals();
        List<Double> other = run(tmp.resolve("s3"), 1, 6, false, new ByteArrayOutputStream()).history().epochs().get(0)
                .stepTotals();
        // bit-identical when this class runs alone; in the full suite's JVM the late steps have drifted by
        // up to ~1e-4 (cause not found: see the known issue in the README), so compare to 1e-3
        assertThat(again).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i)).as("step %d", i).isCloseTo(first.get(i), within(1e-3));
        }
        double largest = 0;
        for (int i = 0; i < Math.min(first.size(), other.size()); i++) {
            largest = Math.max(largest, Math.abs(other.get(i) - first.get(i)));
        }
        assertThat(largest).as("another seed changes the losses").isGreaterThan(1e-2);
    }

    @Test
    void resumeContinuesFromTheLastCheckpoint() {
        Path out = tmp.resolve("r");
        TrainResult two = run(out, 2, 9, false, new ByteArrayOutputStream());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainResult three = run(out, 3, 9, true, log);
        assertThat(three.resumedFromEpoch()).isEqualTo(2);
        assertThat(three.history().epochs()).hasSize(3);
        // the first two epochs are the checkpointed ones, not retrained
        assertThat(three.history().epochs().subList(0, 2)).isEqualTo(two.history().epochs());
        assertThat(three.history().epochs().get(2).resumedOptimizer()).isFalse();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("continuing after epoch 2")
                .doesNotContain("epoch 1/3 [", "restart from zero");
        // the resumed epoch starts from the trained weights: its loss stays near epoch 2's, far below epoch 1's
        double first = three.history().epochs().get(0).losses().get("total");
        assertThat(three.history().epochs().get(2).losses().get("total")).isLessThan(first);
        assertThat(ModelDirectory.open(three.modelDir()).info().epochsCompleted()).isEqualTo(3);
    }

    @Test
    void aResumedRunTakesTheStepsOfAnUninterruptedOne() {
        Path out = tmp.resolve("u");
        List<Double> uninterrupted = run(out, 3, 9, false, new ByteArrayOutputStream()).history().epochs().get(2)
                .stepTotals();
        interruptAfterEpoch2(out);
        List<Double> resumed = run(out, 3, 9, true, new ByteArrayOutputStream()).history().epochs().get(2).stepTotals();
        assertThat(resumed).hasSameSizeAs(uninterrupted);
        for (int i = 0; i < resumed.size(); i++) {
            // same tolerance as the same-seed test: bit-identical alone, ~1e-4 drift in the full suite's JVM
            assertThat(resumed.get(i)).as("step %d", i).isCloseTo(uninterrupted.get(i), within(1e-3));
        }
    }

    @Test
    void aCheckpointWithoutOptimizerStateResumesWithFreshMomentsAndSaysSo() throws Exception {
        Path out = tmp.resolve("old");
        List<Double> uninterrupted = run(out, 3, 9, false, new ByteArrayOutputStream()).history().epochs().get(2)
                .stepTotals();
        rewriteWithoutOptimizerState(interruptAfterEpoch2(out));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainResult resumed = run(out, 3, 9, true, log);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("holds no optimizer.params", "restart from zero");
        assertThat(resumed.history().epochs().get(2).resumedOptimizer()).isTrue();
        // what the saved state is for: without it the resumed epoch takes other steps
        List<Double> fresh = resumed.history().epochs().get(2).stepTotals();
        double largest = 0;
        for (int i = 0; i < fresh.size(); i++) {
            largest = Math.max(largest, Math.abs(fresh.get(i) - uninterrupted.get(i)));
        }
        assertThat(largest).isGreaterThan(1e-2);
    }

    /** Leaves a 3-epoch run as a crash during epoch 3 would: the epoch-2 checkpoint is the newest. */
    private static Path interruptAfterEpoch2(Path out) {
        Checkpoints checkpoints = new Checkpoints(out.resolve(RetrievalTrainer.CHECKPOINT_DIR), 2);
        ModelDirectory.deleteTree(checkpoints.latest().orElseThrow());
        ModelDirectory.deleteTree(out.resolve(RetrievalTrainer.MODEL_DIR));
        Path latest = checkpoints.latest().orElseThrow();
        assertThat(latest.getFileName().toString()).isEqualTo("epoch-0002");
        return latest;
    }

    /** A checkpoint as versions before the optimizer state wrote it. */
    private static void rewriteWithoutOptimizerState(Path checkpoint) throws Exception {
        ModelDirectory saved = ModelDirectory.open(checkpoint);
        String history = Files.readString(checkpoint.resolve(Checkpoints.HISTORY));
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager("PyTorch")) {
            ModelDirectory.save(checkpoint, saved.loadModel(manager), saved.loss(), saved.info(),
                    Map.of(Checkpoints.HISTORY, history));
        }
        assertThat(checkpoint.resolve(Checkpoints.OPTIMIZER)).doesNotExist();
    }
}
