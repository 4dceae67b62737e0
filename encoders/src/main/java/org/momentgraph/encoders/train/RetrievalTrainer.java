package org.momentgraph.encoders.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.momentgraph.encoders.data.MomentBatcher;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.data.PairedBatch;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.inference.LoadedRetriever;
import org.momentgraph.encoders.loss.CombinedLoss;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.DualEncoderOutput;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.modeldir.TrainInfo;

/**
 * Trains the dual encoder on a {@link TrainingSet}'s "train" split: Adam with warm-up and cosine
 * decay, the {@link CombinedLoss}, a progress line, a checkpoint after every epoch, per-epoch
 * validation through {@link LoadedRetriever}, and the curves as CSV and PNG in the output folder.
 *
 * <pre>{@code
 * TrainResult r = RetrievalTrainer.builder().model(modelConfig).loss(LossConfig.defaults())
 *         .train(TrainConfig.defaults()).info(info).data(set).output(Path.of("runs/train"))
 *         .validator(retriever -> scores).resume(true).build().train();
 * }</pre>
 *
 * <p>Reproducible: the seed fixes parameter init, and each epoch reseeds the engine (dropout) and
 * the batcher (order, windows) from (seed, epoch), so the same seed gives the same loss sequence
 * with one PyTorch thread, and a resumed run sees the same batches and dropout masks as an
 * uninterrupted one. Each checkpoint holds Adam's moments and update counts ({@link ResumableAdam}), so
 * a resumed run takes the same steps as an uninterrupted one; a checkpoint from before they were saved
 * restarts them (the learning-rate schedule still continues where it stopped), and the run says so.
 */
public final class RetrievalTrainer {

    public static final String MODEL_DIR = "model";
    public static final String CHECKPOINT_DIR = "checkpoints";
    /** A run fails when more than this share of its steps had to be skipped as non-finite. */
    private static final double MAX_SKIPPED_SHARE = 0.2;

    private final ModelConfig modelConfig;
    private final LossConfig lossConfig;
    private final TrainConfig config;
    private final TrainInfo info;
    private final TrainingSet data;
    private final Path output;
    private final EpochValidator validator;
    private final boolean resume;
    private final ProgressBar progress;

    private RetrievalTrainer(Builder b) {
        this.modelConfig = b.model;
        this.lossConfig = b.loss;
        this.config = b.train;
        this.info = b.info;
        this.data = b.data;
        this.output = b.output;
        this.validator = b.validator;
        this.resume = b.resume;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    public TrainResult train() {
        List<MomentExample> examples = data.split("train");
        if (examples.size() < 2) {
            throw new IllegalArgumentException("the train split needs at least 2 queries, has " + examples.size());
        }
        MomentBatcher batcher = new MomentBatcher(data.videos(), modelConfig.streams(), config.batchSize(),
                config.maxClips(), config.seed());
        CombinedLoss loss = new CombinedLoss(lossConfig);
        Checkpoints checkpoints = new Checkpoints(output.resolve(CHECKPOINT_DIR), config.keepCheckpoints());
        long started = System.nanoTime();
        double trainSeconds = 0;
        long trainedQueries = 0;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Engine.getInstance().setRandomSeed((int) config.seed());
            DualEncoderModel model = new DualEncoderModel(modelConfig);
            model.initialize(manager, DataType.FLOAT32, model.inputShapes(1, 1, modelConfig.convKernel()));
            Optional<Checkpoints.Restored> checkpoint = resume ? restore(checkpoints, model, manager) : Optional.empty();
            int startEpoch = checkpoint.map(Checkpoints.Restored::epoch).orElse(0);
            TrainingHistory history = checkpoint.map(Checkpoints.Restored::history).orElseGet(TrainingHistory::new);
            Optional<NDList> optimizerState = checkpoint.flatMap(Checkpoints.Restored::optimizerState);
            int stepsPerEpoch = batcher.batchCount(examples);
            int totalSteps = stepsPerEpoch * config.epochs();
            // restored Adam counts its updates on from the checkpoint; fresh moments count from 1 again
            LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(),
                    Math.round(config.warmupFraction() * totalSteps), totalSteps, config.finalLearningRateFraction(),
                    optimizerState.isPresent() ? 0 : startEpoch * stepsPerEpoch);
            ResumableAdam.Builder adam = ResumableAdam.builder().optLearningRateTracker(schedule);
            if (config.gradientClip() > 0) {
                adam.optClipGrad(config.gradientClip());
            }
            ResumableAdam optimizer = adam.build();
            optimizerState.ifPresent(state -> optimizer.restore(state, checkpoint.get().dir() + "/" + Checkpoints.OPTIMIZER));
            boolean freshMoments = startEpoch > 0 && optimizerState.isEmpty();
            if (freshMoments) {
                progress.message("resume: " + checkpoint.get().dir() + " holds no " + Checkpoints.OPTIMIZER + " (saved by an "
                        + "older version); Adam's moment estimates restart from zero (the learning-rate schedule "
                        + "continues)");
            }
            ParameterStore ps = new ParameterStore(manager, false);
            int skipped = 0;
            for (int epoch = startEpoch; epoch < config.epochs(); epoch++) {
                Engine.getInstance().setRandomSeed((int) (config.seed() * 31 + epoch + 1));
                progress.startEpoch(epoch + 1, config.epochs(), stepsPerEpoch);
                Map<String, Double> sums = new LinkedHashMap<>();
                List<Double> totals = new ArrayList<>();
                long epochStart = System.nanoTime();
                int step = 0;
                long queries = 0;
                for (PairedBatch batch : batcher.epoch(examples, epoch)) {
                    Map<String, Float> values = step(model, ps, loss, optimizer, batch, manager);
                    step++;
                    queries += batch.size();
                    if (values == null) {
                        skipped++;
                        if (skipped > MAX_SKIPPED_SHARE * Math.max(1, stepsPerEpoch * (epoch - startEpoch) + step)
                                && skipped > 10) {
                            throw new IllegalStateException(String.format(Locale.ROOT, "%d of %d steps had a "
                                    + "non-finite loss or gradient (epoch %d): lower the learning rate", skipped,
                                    stepsPerEpoch * (epoch - startEpoch) + step, epoch + 1));
                        }
                        continue;
                    }
                    float total = values.get("total");
                    totals.add((double) total);
                    values.forEach((k, v) -> sums.merge(k, (double) v, Double::sum));
                    progress.step(step, means(sums, step), queries);
                }
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                trainSeconds += seconds;
                trainedQueries += queries;
                Map<String, Double> metrics = validate(model);
                EpochRecord record = new EpochRecord(epoch + 1, means(sums, step), metrics, totals, seconds,
                        queries / seconds, schedule.at((epoch + 1) * stepsPerEpoch), epoch == startEpoch && freshMoments);
                history.add(record);
                try (NDManager state = manager.newSubManager()) {
                    checkpoints.save(epoch + 1, model, lossConfig, info, history, optimizer.state(state).encode());
                }
                history.write(output);
                progress.endEpoch(summary(record));
            }
            Path modelDir = output.resolve(MODEL_DIR);
            ModelDirectory.save(modelDir, model, lossConfig, info.withEpochsCompleted(config.epochs()));
            history.write(output);
            double wall = (System.nanoTime() - started) / 1e9;
            progress.message(String.format(Locale.ROOT, "saved %s after %.1f s (%.1f s training, %d non-finite steps "
                    + "skipped)", modelDir, wall, trainSeconds, skipped));
            return new TrainResult(modelDir, history, trainSeconds, trainedQueries / Math.max(trainSeconds, 1e-9),
                    ResourceMeter.peakHeapBytes(), ResourceMeter.peakRssBytes(), startEpoch, skipped);
        }
    }

    private Map<String, Float> step(DualEncoderModel model, ParameterStore ps, CombinedLoss loss, ResumableAdam optimizer,
            PairedBatch batch, NDManager manager) {
        try (NDManager step = manager.newSubManager()) {
            NDList inputs = batch.inputs(step);
            CombinedLoss.Result result;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                DualEncoderOutput out = DualEncoderOutput.of(model.forward(ps, inputs, true));
                result = loss.compute(out, inputs.get(inputs.size() - 1), batch.startIndices(step),
                        batch.endIndices(step));
                collector.backward(result.total());
            }
            Map<String, Float> values = result.values();
            ParameterList named = model.getParameters();
            List<Parameter> parameters = named.values();
            // a NaN/Inf loss or gradient would poison Adam's moments for good: skip the step instead
            boolean finite = values.values().stream().allMatch(Float::isFinite);
            for (int i = 0; finite && i < parameters.size(); i++) {
                try (NDArray gradient = parameters.get(i).getArray().getGradient();
                        NDArray sum = gradient.sum()) {
                    finite = Float.isFinite(sum.getFloat());
                }
            }
            for (Pair<String, Parameter> parameter : named) {
                NDArray weight = parameter.getValue().getArray();
                try (NDArray gradient = weight.getGradient()) {
                    if (finite) {
                        optimizer.update(parameter.getKey(), weight, gradient); // names, not ids: they survive a resume
                        gradient.subi(gradient);
                    } else {
                        gradient.set(new NDIndex("..."), 0); // zero in place: x - x would keep NaN
                    }
                }
            }
            return finite ? values : null;
        }
    }

    private Map<String, Double> validate(DualEncoderModel model) {
        if (validator == null) {
            return Map.of();
        }
        try (LoadedRetriever retriever = LoadedRetriever.of(model, info, null)) {
            return new LinkedHashMap<>(validator.validate(retriever));
        }
    }

    /** The newest checkpoint, its weights loaded into {@code model}; empty when there is none. */
    private Optional<Checkpoints.Restored> restore(Checkpoints checkpoints, DualEncoderModel model, NDManager manager) {
        Optional<Checkpoints.Restored> restored = checkpoints.restoreLatest(model, modelConfig, manager);
        progress.message(restored.map(r -> String.format(Locale.ROOT, "resume: continuing after epoch %d from %s",
                r.epoch(), r.dir())).orElse("resume: no checkpoint in " + checkpoints.dir() + ", starting from scratch"));
        return restored;
    }

    private static Map<String, Double> means(Map<String, Double> sums, int steps) {
        Map<String, Double> out = new LinkedHashMap<>();
        sums.forEach((k, v) -> out.put(k, v / Math.max(1, steps)));
        return out;
    }

    private static String summary(EpochRecord r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d: loss %.4f", r.epoch(),
                r.losses().getOrDefault("total", Double.NaN)));
        r.metrics().forEach((k, v) -> sb.append(String.format(Locale.ROOT, ", %s %.2f", k, v)));
        sb.append(String.format(Locale.ROOT, " (%.1f s, %.1f q/s, lr %.2e)", r.trainSeconds(), r.queriesPerSecond(),
                r.learningRate()));
        return sb.toString();
    }

    /** Settings of a {@link RetrievalTrainer}; model, data, info and output are required. */
    public static final class Builder {
        private ModelConfig model;
        private LossConfig loss = LossConfig.defaults();
        private TrainConfig train = TrainConfig.defaults();
        private TrainInfo info;
        private TrainingSet data;
        private Path output;
        private EpochValidator validator;
        private boolean resume;
        private ProgressBar progress = ProgressBar.auto(System.err);

        public Builder model(ModelConfig v) {
            model = v;
            return this;
        }

        public Builder loss(LossConfig v) {
            loss = v;
            return this;
        }

        public Builder train(TrainConfig v) {
            train = v;
            return this;
        }

        public Builder info(TrainInfo v) {
            info = v;
            return this;
        }

        public Builder data(TrainingSet v) {
            data = v;
            return this;
        }

        public Builder output(Path v) {
            output = v;
            return this;
        }

        public Builder validator(EpochValidator v) {
            validator = v;
            return this;
        }

        public Builder resume(boolean v) {
            resume = v;
            return this;
        }

        public Builder progress(ProgressBar v) {
            progress = v;
            return this;
        }

        public RetrievalTrainer build() {
            if (model == null || data == null || info == null || output == null) {
                throw new IllegalStateException("model, data, info and output are required");
            }
            return new RetrievalTrainer(this);
        }
    }
}
