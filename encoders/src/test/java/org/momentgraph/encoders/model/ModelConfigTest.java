package org.momentgraph.encoders.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.loss.LossConfig;

class ModelConfigTest {

    @Test
    void roundTripsThroughAJsonFile(@TempDir Path dir) {
        ModelConfig config = ModelConfig.defaults().withStreams(2048, 0, 128).withSize(256, 2, 8, 512);
        Path file = dir.resolve("model.json");
        config.write(file);
        assertThat(ModelConfig.read(file)).isEqualTo(config);
        assertThat(config.streams()).containsExactly(Stream.VISUAL, Stream.GRAPH);
    }

    @Test
    void absentFieldsKeepDefaults() {
        ModelConfig config = ModelConfig.fromJson("{\"hiddenSize\": 128, \"positions\": \"LEARNED\"}", "m.json");
        assertThat(config.hiddenSize()).isEqualTo(128);
        assertThat(config.positions()).isEqualTo(PositionEncoding.LEARNED);
        assertThat(config.queryDim()).isEqualTo(ModelConfig.defaults().queryDim());
    }

    @Test
    void badFieldsAreReportedWithTheirPath() {
        assertThatThrownBy(() -> ModelConfig.fromJson("{\"hidenSize\": 128}", "m.json"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("m.json");
                    assertThat(e.field()).isEqualTo("hidenSize");
                    assertThat(e.getMessage()).contains("unknown field");
                });
        assertThatThrownBy(() -> ModelConfig.fromJson("{\"heads\": 5}", "m.json"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("heads (5) must divide hiddenSize (384)");
        assertThatThrownBy(() -> ModelConfig.fromJson("{\"layers\": \"two\"}", "m.json"))
                .isInstanceOfSatisfying(DataFormatException.class, e -> assertThat(e.field()).isEqualTo("layers"));
        assertThatThrownBy(() -> ModelConfig.fromJson("{\"layers\": 2,", "m.json"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void lossConfigMergesNestedTerms() {
        LossConfig config = LossConfig.fromJson("{\"localization\": {\"weight\": 1.5}, \"hardNegatives\": true}", "l.json");
        assertThat(config.localization()).isEqualTo(LossConfig.Term.on(1.5f));
        assertThat(config.hardNegatives()).isTrue();
        assertThat(config.videoHinge()).isEqualTo(LossConfig.defaults().videoHinge());
        assertThat(LossConfig.fromJson(config.toJson(), "again")).isEqualTo(config);
        assertThatThrownBy(() -> LossConfig.fromJson("{\"localization\": {\"wieght\": 1}}", "l.json"))
                .isInstanceOfSatisfying(DataFormatException.class,
                        e -> assertThat(e.location()).isEqualTo("$.localization.wieght"));
        assertThatThrownBy(() -> LossConfig.fromJson("{\"frameTemperature\": 0}", "l.json"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("frameTemperature must be > 0");
    }
}
