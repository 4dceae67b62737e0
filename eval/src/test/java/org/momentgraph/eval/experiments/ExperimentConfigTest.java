package org.momentgraph.eval.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.pipeline.PipelineConfig;

class ExperimentConfigTest {

    @TempDir
    Path tmp;

    private ExperimentConfig read(String extra) throws Exception {
        Path file = tmp.resolve("c.json");
        Files.writeString(file, "{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}" + extra + "}");
        return ExperimentConfig.read(file);
    }

    @Test
    void vcmrTemperaturesAreCandidatesOrThePipelinesOwn() throws Exception {
        assertThat(read("").vrTemperatures()).containsExactly(PipelineConfig.defaults().vrTemperature());
        assertThat(read(", \"vrTemperatures\": [0.05, 0.5, 2]").vrTemperatures()).containsExactly(0.05, 0.5, 2.0);
    }

    @Test
    void badTemperaturesNameTheirJsonPath() {
        assertThatThrownBy(() -> read(", \"vrTemperatures\": [0.1, 0]")).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.vrTemperatures[1]");
        assertThatThrownBy(() -> read(", \"vrTemperatures\": \"warm\"")).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.vrTemperatures");
        assertThatThrownBy(() -> read(", \"vrTemperatures\": []")).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.vrTemperatures");
    }

    @Test
    void everyExampleConfigReads() throws Exception {
        try (var files = Files.list(Path.of("../examples"))) {
            files.filter(f -> f.getFileName().toString().startsWith("eval-")).forEach(f -> {
                ExperimentConfig c = ExperimentConfig.read(f);
                assertThat(c.vrTemperatures()).as(f.toString()).isNotEmpty().allMatch(t -> t > 0);
                assertThat(c.evidenceWeights()).as(f.toString()).isNotEmpty();
            });
        }
    }
}
