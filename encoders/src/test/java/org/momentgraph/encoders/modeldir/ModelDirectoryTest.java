package org.momentgraph.encoders.modeldir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.testing.ToyCorpus;

class ModelDirectoryTest {

    @TempDir
    Path tmp;
    private Path dir;
    private final TrainInfo info = new TrainInfo("toy", "toy", 3, 2, 2, List.of("visual", "subtitle", "graph"), 2.0,
            "q", "l", List.of("contact", "near"), 32, 64, 10);

    @BeforeEach
    void save() {
        dir = tmp.resolve("model");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DualEncoderModel model = new DualEncoderModel(ToyCorpus.config());
            model.initialize(manager, DataType.FLOAT32, model.inputShapes(1, 1, 3));
            ModelDirectory.save(dir, model, LossConfig.defaults(), info);
        }
    }

    @Test
    void savesEveryFileWithChecksumsAndNoAbsolutePaths() throws Exception {
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList())
                .containsExactly("checksums.sha256", "loss.json", "model.json", "train.json", "weights.params");
        assertThat(Files.readAllLines(dir.resolve("checksums.sha256"))).hasSize(4)
                .allSatisfy(line -> assertThat(line).matches("[0-9a-f]{64}  [a-z.]+"));
        for (String f : List.of("model.json", "loss.json", "train.json")) {
            assertThat(Files.readString(dir.resolve(f))).doesNotContain(tmp.toString());
        }
        ModelDirectory opened = ModelDirectory.open(dir);
        assertThat(opened.config()).isEqualTo(ToyCorpus.config());
        assertThat(opened.info()).isEqualTo(info);
        assertThat(opened.loss()).isEqualTo(LossConfig.defaults());
        // a copy elsewhere loads as well
        Path copy = tmp.resolve("elsewhere/model");
        Files.createDirectories(copy);
        for (Path f : Files.list(dir).toList()) {
            Files.copy(f, copy.resolve(f.getFileName()));
        }
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            assertThat(ModelDirectory.open(copy).loadModel(manager).getParameters().size()).isPositive();
        }
    }

    @Test
    void aCorruptWeightsFileIsNamed() throws Exception {
        byte[] bytes = Files.readAllBytes(dir.resolve("weights.params"));
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(dir.resolve("weights.params"), bytes);
        assertThatThrownBy(() -> ModelDirectory.open(dir)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("weights.params").hasMessageContaining("SHA-256 mismatch");
    }

    @Test
    void missingAndUnlistedFilesAreNamed() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> ModelDirectory.open(dir)).hasMessageContaining("notes.txt")
                .hasMessageContaining("not listed");
        Files.delete(dir.resolve("notes.txt"));
        Files.delete(dir.resolve("loss.json"));
        assertThatThrownBy(() -> ModelDirectory.open(dir)).hasMessageContaining("loss.json")
                .hasMessageContaining("missing");
        Files.delete(dir.resolve("checksums.sha256"));
        assertThatThrownBy(() -> ModelDirectory.open(dir)).hasMessageContaining("checksums.sha256");
    }

    @Test
    void weightsThatDoNotFitTheConfigAreAClearError() throws Exception {
        ModelConfig wider = ToyCorpus.config().withSize(48, 1, 4, 64);
        wider.write(dir.resolve("model.json"));
        Files.writeString(dir.resolve("checksums.sha256"), Checksums.of(dir)); // consistent files, mismatched content
        ModelDirectory opened = ModelDirectory.open(dir);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            assertThatThrownBy(() -> opened.loadModel(manager)).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("weights.params").hasMessageContaining("model.json");
        }
    }
}
