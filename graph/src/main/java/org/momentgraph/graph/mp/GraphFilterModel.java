package org.momentgraph.graph.mp;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The trainable clip filter: a {@link RelationalGraphNetwork} with its DJL model, optimiser and
 * persistence. One instance is not thread-safe; give each worker its own.
 */
public final class GraphFilterModel implements AutoCloseable {

    /** One query with its candidate clips and which of them lie inside the ground truth. */
    public record Group(GraphBatch clips, float[] labels) {
    }

    private final Model model;
    private final RelationalGraphNetwork network;
    private Trainer trainer;

    private GraphFilterModel(Model model, RelationalGraphNetwork network) {
        this.model = model;
        this.network = network;
    }

    public static GraphFilterModel create(GraphNetworkConfig config, long seed) {
        Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        RelationalGraphNetwork network = new RelationalGraphNetwork(config);
        Model model = Model.newInstance("graph-filter", "PyTorch");
        network.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        model.setBlock(network);
        network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1));
        return new GraphFilterModel(model, network);
    }

    public static GraphFilterModel load(GraphNetworkConfig config, Path dir, String name) {
        GraphFilterModel loaded = create(config, 0);
        try {
            loaded.model.load(dir, name);
        } catch (IOException | ai.djl.MalformedModelException e) {
            loaded.close();
            throw new IllegalStateException("cannot load graph filter from " + dir + ": " + e.getMessage(), e);
        }
        return loaded;
    }

    public void save(Path dir, String name) {
        try {
            model.save(dir, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save graph filter to " + dir, e);
        }
    }

    public GraphNetworkConfig config() {
        return network.config();
    }

    public RelationalGraphNetwork network() {
        return network;
    }

    /** One optimiser step over several queries' groups; returns the mean loss. */
    public float trainStep(List<Group> groups, float learningRate) {
        Trainer t = trainer(learningRate);
        float total = 0;
        try (NDManager step = model.getNDManager().newSubManager();
                GradientCollector collector = t.newGradientCollector()) {
            NDArray sum = null;
            for (Group group : groups) {
                NDList inputs = group.clips().toNDList(step);
                NDArray logits = t.forward(inputs).singletonOrThrow();
                NDArray loss = ClipRankingLoss.of(logits, step.create(group.labels()));
                sum = sum == null ? loss : sum.add(loss);
            }
            NDArray mean = sum.div(groups.size());
            collector.backward(mean);
            total = mean.getFloat();
        }
        t.step();
        return total;
    }

    /** Relevance logits of the clips in a batch (inference mode). */
    public float[] score(GraphBatch batch) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(scope, false);
            NDList inputs = batch.toNDList(scope);
            return network.forward(ps, inputs, false).singletonOrThrow().toFloatArray();
        }
    }

    /** Runs the network and hands its evidence to the reader while the arrays are alive. */
    public <T> T explain(GraphBatch batch, java.util.function.Function<GraphScores, T> reader) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(scope, false);
            NDList inputs = batch.toNDList(scope);
            GraphState state = network.encode(ps, inputs, false);
            return reader.apply(network.score(ps, state, false));
        }
    }

    private Trainer trainer(float learningRate) {
        if (trainer == null) {
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).optClipGrad(1f).build());
            trainer = model.newTrainer(config);
        }
        return trainer;
    }

    @Override
    public void close() {
        if (trainer != null) {
            trainer.close();
        }
        model.close();
    }
}
