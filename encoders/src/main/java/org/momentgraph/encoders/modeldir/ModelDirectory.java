package org.momentgraph.encoders.modeldir;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.ModelConfig;

/**
 * A saved retriever that describes itself:
 * <pre>
 * model.json        ModelConfig (architecture and stream widths)
 * loss.json         LossConfig it was trained with
 * train.json        TrainInfo (dataset, seed, streams, encoders, relation vocabulary, windows)
 * weights.params    DJL parameters of DualEncoderModel (Block.saveParameters)
 * checksums.sha256  SHA-256 of every other file, verified at load
 * </pre>
 * Nothing inside names an absolute path, so the folder can be copied to another machine. Saving
 * writes a hidden sibling folder and renames it into place: readers see the old or the new
 * directory, never half of one.
 */
public final class ModelDirectory {

    public static final String MODEL = "model.json";
    public static final String LOSS = "loss.json";
    public static final String TRAIN = "train.json";
    public static final String WEIGHTS = "weights.params";

    private final Path dir;
    private final ModelConfig config;
    private final LossConfig loss;
    private final TrainInfo info;

    private ModelDirectory(Path dir, ModelConfig config, LossConfig loss, TrainInfo info) {
        this.dir = dir;
        this.config = config;
        this.loss = loss;
        this.info = info;
    }

    public Path dir() {
        return dir;
    }

    public ModelConfig config() {
        return config;
    }

    public LossConfig loss() {
        return loss;
    }

    public TrainInfo info() {
        return info;
    }

    /** Saves atomically; an existing directory at {@code dir} is replaced. */
    public static ModelDirectory save(Path dir, DualEncoderModel model, LossConfig loss, TrainInfo info) {
        return save(dir, model, loss, info, Map.of());
    }

    /** Saves atomically with extra text files (name -> content, e.g. a trainer state), covered by the checksums. */
    public static ModelDirectory save(Path dir, DualEncoderModel model, LossConfig loss, TrainInfo info,
            Map<String, String> extraFiles) {
        return save(dir, model, loss, info, extraFiles, Map.of());
    }

    /** Saves atomically with extra text and binary files (e.g. a trainer's optimizer state), covered by the checksums. */
    public static ModelDirectory save(Path dir, DualEncoderModel model, LossConfig loss, TrainInfo info,
            Map<String, String> extraFiles, Map<String, byte[]> extraBinaryFiles) {
        Path target = dir.toAbsolutePath().normalize();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(tmp);
            model.config().write(tmp.resolve(MODEL));
            loss.write(tmp.resolve(LOSS));
            AtomicFiles.writeString(tmp.resolve(TRAIN), info.toJson() + "\n");
            AtomicFiles.write(tmp.resolve(WEIGHTS), out -> writeWeights(model, out));
            for (Map.Entry<String, String> extra : extraFiles.entrySet()) {
                AtomicFiles.writeString(tmp.resolve(extra.getKey()), extra.getValue());
            }
            for (Map.Entry<String, byte[]> extra : extraBinaryFiles.entrySet()) {
                AtomicFiles.write(tmp.resolve(extra.getKey()), out -> out.write(extra.getValue()));
            }
            AtomicFiles.writeString(tmp.resolve(Checksums.FILE), Checksums.of(tmp));
            replace(tmp, target);
        } catch (IOException e) {
            deleteTree(tmp);
            throw new UncheckedIOException("cannot save model directory " + dir + ": " + e.getMessage(), e);
        }
        return new ModelDirectory(dir, model.config(), loss, info);
    }

    /** Reads and verifies the description (checksums, configs); weights are read by {@link #loadModel}. */
    public static ModelDirectory open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir.toString(), "directory", null, "no model directory here");
        }
        Checksums.verify(dir);
        ModelConfig config = ModelConfig.read(dir.resolve(MODEL));
        LossConfig loss = LossConfig.read(dir.resolve(LOSS));
        TrainInfo info = TrainInfo.read(dir.resolve(TRAIN));
        return new ModelDirectory(dir, config, loss, info);
    }

    /** Builds the model from model.json and loads weights.params, checking every parameter's shape. */
    public DualEncoderModel loadModel(NDManager manager) {
        DualEncoderModel model = new DualEncoderModel(config);
        model.initialize(manager, DataType.FLOAT32, model.inputShapes(1, 1, config.convKernel()));
        loadWeights(model, dir.resolve(WEIGHTS), manager, false);
        return model;
    }

    /**
     * Loads parameters into an initialised model; a file that does not fit the config is an error
     * naming it. {@code trainable} re-attaches gradients (loaded arrays come without them).
     */
    public static void loadWeights(DualEncoderModel model, Path weights, NDManager manager, boolean trainable) {
        List<Pair<String, Shape>> expected = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            expected.add(new Pair<>(p.getKey(), p.getValue().getArray().getShape()));
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            model.loadParameters(manager, in);
            if (in.read() != -1) {
                throw new DataFormatException(weights.toString(), "file", null,
                        "trailing bytes after the parameters: the weights belong to a larger model than " + MODEL
                                + " describes");
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (e instanceof DataFormatException d) {
                throw d;
            }
            throw new DataFormatException(weights.toString(), "file", null, "cannot load the parameters of the model "
                    + MODEL + " describes (" + e.getMessage() + "): weights and config do not match", e);
        }
        ai.djl.nn.ParameterList loaded = model.getParameters();
        for (int i = 0; i < expected.size(); i++) {
            Shape actual = loaded.get(i).getValue().getArray().getShape();
            if (!actual.equals(expected.get(i).getValue())) {
                throw new DataFormatException(weights.toString(), "parameter " + expected.get(i).getKey(), null,
                        "shape " + actual + " does not match " + expected.get(i).getValue() + " from " + MODEL);
            }
            if (trainable) {
                loaded.get(i).getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    private static void writeWeights(DualEncoderModel model, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        model.saveParameters(data);
        data.flush();
    }

    /** Renames {@code tmp} to {@code target}, moving an existing target aside first and deleting it after. */
    static void replace(Path tmp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Deletes a folder and everything under it; a missing folder is fine. */
    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
