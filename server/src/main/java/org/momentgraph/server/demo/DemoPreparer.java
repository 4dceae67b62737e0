package org.momentgraph.server.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.modeldir.Checksums;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.train.TrainResult;
import org.momentgraph.eval.synthetic.CorpusFiles;
import org.momentgraph.eval.synthetic.CorpusWriter;
import org.momentgraph.eval.synthetic.SyntheticConfig;
import org.momentgraph.eval.synthetic.SyntheticCorpus;
import org.momentgraph.server.MomentGraph;

/**
 * Everything {@code momentgraph demo} serves, prepared under {@code HOME/demo/KEY/} (KEY from
 * {@link DemoConfig#key()}: generator version and settings):
 * <pre>
 * corpus/         the generated synthetic corpus; corpus/store/ holds the served store and index
 * train/model/    the trained model directory (train/ also has checkpoints and curves)
 * demo.json       written last: the settings and the SHA-256 of the model's checksums.sha256
 * </pre>
 * A second run reuses what is there after verifying it (the model's checksums and the recorded
 * hash); anything missing or not verifiable is made again.
 */
public final class DemoPreparer {

    /** What was prepared: serve {@code modelDir} over {@code corpusDir}. */
    public record Prepared(Path modelDir, Path corpusDir, boolean reusedModel, int videos) {
    }

    static final String STAMP = "demo.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoPreparer() {
    }

    public static Prepared prepare(Path home, DemoConfig config, PrintStream log) {
        Path root = home.resolve("demo").resolve(config.key());
        Path corpusDir = root.resolve("corpus");
        Path trainDir = root.resolve("train");
        Path modelDir = trainDir.resolve("model");
        log.println("demo: " + config.describe() + " -> " + root);
        if (!Files.isRegularFile(corpusDir.resolve(CorpusFiles.MANIFEST))) {
            ModelDirectory.deleteTree(corpusDir);
            SyntheticConfig synthetic = SyntheticConfig.builder().videos(config.videos()).seed(config.seed()).build();
            CorpusWriter.write(synthetic, corpusDir, (done, total, seconds) -> {
                if (done % 10 == 0 || done == total) {
                    log.printf(Locale.ROOT, "\rdemo: generating videos %d/%d (%.1f s)%s", done, total, seconds,
                            done == total ? "\n" : "");
                }
            });
        } else {
            log.println("demo: reusing the generated corpus in " + corpusDir);
        }
        boolean reused = cachedModelValid(root, modelDir, config, log);
        if (!reused) {
            ModelDirectory.deleteTree(trainDir);
            deleteQuietly(root.resolve(STAMP));
            TrainResult result;
            try (MiniLmTextEncoder text = MiniLmTextEncoder.builder().build();
                    SyntheticCorpus corpus = SyntheticCorpus.load(corpusDir)) {
                result = DemoTrainer.train(corpus, config, text, trainDir, log);
            }
            log.printf(Locale.ROOT, "demo: trained in %.0f s -> %s%n", result.trainSeconds(), result.modelDir());
            String stamp = JSON.createObjectNode().put("config", config.describe())
                    .put("model_checksums_sha256", Checksums.sha256(modelDir.resolve(Checksums.FILE))).toString();
            AtomicFiles.writeString(root.resolve(STAMP), stamp + "\n");
        } else {
            log.println("demo: reusing the model cached in " + modelDir + " (checksums verified)");
        }
        int videos;
        try (MomentGraph index = MomentGraph.open(modelDir, corpusDir, 1, log)) {
            videos = index.info().corpusSize();
        }
        log.println("demo: corpus of " + videos + " videos indexed in " + corpusDir);
        return new Prepared(modelDir, corpusDir, reused, videos);
    }

    /** The cached model is reused only when demo.json names these settings and the model verifies. */
    private static boolean cachedModelValid(Path root, Path modelDir, DemoConfig config, PrintStream log) {
        Path stamp = root.resolve(STAMP);
        if (!Files.isRegularFile(stamp)) {
            return false;
        }
        try {
            JsonNode recorded = JSON.readTree(stamp.toFile());
            if (!config.describe().equals(recorded.path("config").asText())) {
                log.println("demo: cached model was made with other settings; training again");
                return false;
            }
            ModelDirectory.open(modelDir);
            if (!Checksums.sha256(modelDir.resolve(Checksums.FILE)).equals(recorded.path("model_checksums_sha256").asText())) {
                log.println("demo: cached model does not match " + stamp + "; training again");
                return false;
            }
            return true;
        } catch (IOException | DataFormatException | UncheckedIOException e) {
            log.println("demo: cached model in " + modelDir + " cannot be used (" + e.getMessage() + "); training again");
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }
}
