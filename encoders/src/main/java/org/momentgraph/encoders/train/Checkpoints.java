package org.momentgraph.encoders.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.modeldir.TrainInfo;

/**
 * {@code OUT/checkpoints/epoch-0003/}: one complete {@link ModelDirectory} per saved epoch plus
 * {@code history.json} (the run's curves so far). Each is written to a hidden folder and renamed
 * into place, so a crash mid-save leaves the previous checkpoint intact. Only the newest few are kept.
 */
public final class Checkpoints {

    public static final String HISTORY = "history.json";
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

    public Path save(int epoch, DualEncoderModel model, LossConfig loss, TrainInfo info, TrainingHistory history) {
        Path target = dir.resolve(String.format("%s%04d", PREFIX, epoch));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        ModelDirectory.save(target, model, loss, info.withEpochsCompleted(epoch), Map.of(HISTORY, history.toJson()));
        List<Path> all = list();
        for (int i = 0; i < all.size() - keep; i++) {
            deleteTree(all.get(i));
        }
        return target;
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
