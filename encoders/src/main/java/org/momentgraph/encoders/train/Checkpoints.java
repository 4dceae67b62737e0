package org.momentgraph.encoders.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.ConfigJson;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.modeldir.TrainInfo;

/**
 * {@code OUT/checkpoints/epoch-0003/}: one complete {@link ModelDirectory} per saved epoch plus
 * {@code history.json} (the run's curves so far) and {@code optimizer.params} (the optimizer's
 * state, so that a resumed run continues as an uninterrupted one would). Each is written to a hidden folder and renamed
 * into place, so a crash mid-save leaves the previous checkpoint intact. Only the newest few are kept.
 */
public final class Checkpoints {

    public static final String HISTORY = "history.json";
    public static final String OPTIMIZER = "optimizer.params";
    private static final String PREFIX = "epoch-";

    private final Path dir;
    private final int keep;

    public Checkpoints(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    public Path dir() {
        return dir;
    }

    /** Saves epoch {@code epoch}; {@code optimizerState} is the encoded optimizer state. */
    public Path save(int epoch, DualEncoderModel model, LossConfig loss, TrainInfo info, TrainingHistory history,
            byte[] optimizerState) {
        Path target = dir.resolve(String.format("%s%04d", PREFIX, epoch));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        ModelDirectory.save(target, model, loss, info.withEpochsCompleted(epoch), Map.of(HISTORY, history.toJson()),
                Map.of(OPTIMIZER, optimizerState));
        List<Path> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(all.get(i));
        }
        return target;
    }

    /** A checkpoint read back for resuming; {@code optimizerState} is empty for checkpoints saved without one. */
    public record Restored(Path dir, int epoch, TrainingHistory history, Optional<NDList> optimizerState) {
    }

    /**
     * Loads the newest checkpoint's weights into {@code model} (trainable) and reads its history and
     * optimizer state, the arrays in {@code manager}; empty when there is no checkpoint. A checkpoint
     * of another architecture than {@code config} is an error.
     */
    public Optional<Restored> restoreLatest(DualEncoderModel model, ModelConfig config, NDManager manager) {
        Optional<Path> latest = latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Path dir = latest.get();
        ModelDirectory saved = ModelDirectory.open(dir);
        if (!saved.config().equals(config)) {
            throw new IllegalArgumentException("resume: checkpoint " + dir + " has a different model config; "
                    + "train into a new output folder or restore the original config");
        }
        ModelDirectory.loadWeights(model, dir.resolve(ModelDirectory.WEIGHTS), manager, true);
        TrainingHistory history = TrainingHistory.fromJson(ConfigJson.readFile(dir.resolve(HISTORY)), HISTORY);
        Path optimizer = dir.resolve(OPTIMIZER);
        Optional<NDList> state = Optional.empty();
        if (Files.isRegularFile(optimizer)) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(optimizer))) {
                state = Optional.of(NDList.decode(manager, in));
            } catch (IOException | RuntimeException e) {
                throw new DataFormatException(optimizer.toString(), "file", null, "cannot read the optimizer state: "
                        + e.getMessage(), e);
            }
        }
        return Optional.of(new Restored(dir, saved.info().epochsCompleted(), history, state));
    }

    /** The newest checkpoint, if any (not yet verified: {@link ModelDirectory#open} does that). */
    public Optional<Path> latest() {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Completed checkpoints, oldest first (hidden temp folders of an interrupted save are ignored). */
    public List<Path> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> p.getFileName().toString().matches(PREFIX + "\\d{4}"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete old checkpoint " + root, e);
        }
    }
}
