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
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.momentgraph.domain.AtomicFiles;

/**
 * The trainable clip filter: a {@link RelationalGraphNetwork} with its DJL model, optimiser and
 * persistence. One instance is not thread-safe; give each worker its own.
 */
public final class GraphFilterModel implements AutoCloseable {

    /** One query with its candidate clips and which of them lie inside the ground truth. */
    public record Group(List<GraphBatch.Pair> clips, float[] labels) {
        public Group {
            clips = List.copyOf(clips);
            if (clips.size() != labels.length) {
                throw new IllegalArgumentException(clips.size() + " clips but " + labels.length + " labels");
            }
        }

        public boolean hasPositive() {
            for (float l : labels) {
                if (l > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Pairs scored per forward pass at inference; bounds memory on long videos. */
    private static final int SCORE_CHUNK = 128;

    private static final String CONFIG_SUFFIX = ".config.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Model model;
    private final RelationalGraphNetwork network;
    private Trainer trainer;
    private int skippedSteps;

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

    /** Loads a model saved by {@link #save}: parameters plus NAME.config.json with the network sizes. */
    public static GraphFilterModel load(Path dir, String name) {
        Path configFile = dir.resolve(name + CONFIG_SUFFIX);
        GraphNetworkConfig config;
        try {
            config = JSON.readValue(configFile.toFile(), GraphNetworkConfig.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read graph filter config " + configFile + ": " + e.getMessage(), e);
        }
        GraphFilterModel loaded = create(config, 0);
        try {
            loaded.model.load(dir, name);
        } catch (IOException | ai.djl.MalformedModelException e) {
            loaded.close();
            throw new IllegalStateException("cannot load graph filter from " + dir + ": " + e.getMessage(), e);
        }
        return loaded;
    }

    /** Saves the parameters (DJL format) and NAME.config.json (written atomically). */
    public void save(Path dir, String name) {
        try {
            model.save(dir, name);
            AtomicFiles.write(dir.resolve(name + CONFIG_SUFFIX), out -> JSON.writeValue(out, config()));
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

    /**
     * One optimiser step over several queries' groups, all scored in one batched forward pass;
     * groups without a positive clip are skipped. Returns the loss (NaN when no group was usable).
     */
    public float trainStep(List<Group> groups, float learningRate) {
        List<Group> usable = groups.stream().filter(Group::hasPositive).toList();
        if (usable.isEmpty()) {
            return Float.NaN;
        }
        GraphBatch batch = new GraphBatch(config());
        int total = usable.stream().mapToInt(g -> g.labels().length).sum();
        float[] labels = new float[total];
        float[] membership = new float[usable.size() * total];
        int offset = 0;
        for (int g = 0; g < usable.size(); g++) {
            Group group = usable.get(g);
            for (int c = 0; c < group.labels().length; c++) {
                batch.add(group.clips().get(c));
                labels[offset + c] = group.labels()[c];
                membership[g * total + offset + c] = 1;
            }
            offset += group.labels().length;
        }
        Trainer t = trainer(learningRate);
        float value;
        try (NDManager step = model.getNDManager().newSubManager();
                GradientCollector collector = t.newGradientCollector()) {
            NDArray logits = t.forward(batch.toNDList(step)).singletonOrThrow();
            NDArray loss = ClipRankingLoss.of(logits, step.create(labels),
                    step.create(membership, new Shape(usable.size(), total)));
            collector.backward(loss);
            value = loss.getFloat();
        }
        if (gradientsFinite(value)) {
            t.step();
        } else {
            skippedSteps++;
        }
        return value;
    }

    /** The parameters as bytes (DJL's parameter format), to {@link #restore} the best ones after training on. */
    public byte[] snapshot() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            network.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot snapshot the graph filter's parameters", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Puts back parameters taken by {@link #snapshot} of this model. Loading replaces the parameter arrays,
     * which the optimiser no longer holds, so a later {@link #trainStep} starts a fresh optimiser.
     */
    public void restore(byte[] snapshot) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(snapshot))) {
            network.loadParameters(model.getNDManager(), in);
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new IllegalStateException("cannot restore the graph filter's parameters: " + e.getMessage(), e);
        }
        for (var parameter : network.getParameters()) {
            parameter.getValue().getArray().setRequiresGradient(true);
        }
        if (trainer != null) {
            trainer.close();
            trainer = null;
        }
    }

    /** Steps skipped because the loss or a gradient was NaN/Inf (their update would poison Adam's moments). */
    public int skippedSteps() {
        return skippedSteps;
    }

    /** True when the loss and every gradient are finite; otherwise the gradients are zeroed in place. */
    private boolean gradientsFinite(float loss) {
        boolean finite = Float.isFinite(loss);
        for (var parameter : network.getParameters()) {
            try (NDArray gradient = parameter.getValue().getArray().getGradient(); NDArray sum = gradient.sum()) {
                finite &= Float.isFinite(sum.getFloat());
            }
        }
        if (!finite) {
            for (var parameter : network.getParameters()) {
                try (NDArray gradient = parameter.getValue().getArray().getGradient()) {
                    gradient.set(new ai.djl.ndarray.index.NDIndex("..."), 0); // x - x would keep NaN
                }
            }
        }
        return finite;
    }

    /** Relevance logits of the clips in a batch (inference mode, in chunks). */
    public float[] score(GraphBatch batch) {
        float[] out = new float[batch.size()];
        for (int from = 0; from < batch.size(); from += SCORE_CHUNK) {
            GraphBatch chunk = batch.slice(from, Math.min(batch.size(), from + SCORE_CHUNK));
            try (NDManager scope = model.getNDManager().newSubManager()) {
                ParameterStore ps = new ParameterStore(scope, false);
                float[] logits = network.forward(ps, chunk.toNDList(scope), false).singletonOrThrow().toFloatArray();
                System.arraycopy(logits, 0, out, from, logits.length);
            }
        }
        return out;
    }

    /** Runs the network and hands its evidence to the reader while the arrays are alive. */
    public <T> T explain(GraphBatch batch, Function<GraphScores, T> reader) {
        try (NDManager scope = model.getNDManager().newSubManager()) {
            ParameterStore ps = new ParameterStore(scope, false);
            NDList inputs = batch.toNDList(scope);
            GraphState state = network.encode(ps, inputs, false);
            return reader.apply(network.score(ps, state, false));
        }
    }

    /** The network's evidence for one (query, clip) pair. */
    public List<GraphMatch> explain(EncodedQuery query, EncodedClip clip) {
        GraphBatch batch = new GraphBatch(config()).add(query.with(clip));
        return explain(batch, scores -> MatchExplainer.fromScores(query, clip, scores, 0));
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
