package org.momentgraph.eval.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.model.Stream;
import org.momentgraph.encoders.modeldir.ModelDirectory;

/** End to end on a small generated corpus: config -> dataset -> training -> model directory -> report. */
class SyntheticTrainingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private static TrainRunConfig config(String json) throws Exception {
        return TrainRunConfig.parse(MAPPER.readTree(json), "test.json");
    }

    @Test
    void trainsOnAGeneratedCorpusAndReportsEverySplitAndDifficulty() throws Exception {
        TrainRunConfig config = config("""
                {"dataset": {"type": "synthetic", "generate": {"videos": 16, "seed": 3}},
                 "model": {"hiddenSize": 32, "heads": 4, "ffnSize": 64, "convChannels": 8},
                 "epochs": 2, "batchSize": 16, "learningRate": 0.002, "seed": 5, "maxClips": 48}
                """);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ObjectNode report = TrainRun.run(config, tmp, false, new PrintStream(log, true, StandardCharsets.UTF_8));
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("dataset: generating 16", "epoch 2: loss", "val SVMR R1@0.5");

        List<String> history = Files.readAllLines(tmp.resolve("history.csv"));
        assertThat(history.get(0)).contains("loss_total", "val SVMR R1@0.5", "val VR R10");
        double first = Double.parseDouble(history.get(1).split(",")[1]);
        double second = Double.parseDouble(history.get(2).split(",")[1]);
        assertThat(second).isLessThan(first);

        ModelDirectory model = ModelDirectory.open(tmp.resolve("model"));
        assertThat(model.info().streams()).containsExactly("visual", "subtitle", "graph");
        assertThat(model.info().relationVocabulary()).contains("contact", "moving_together");
        assertThat(model.config().graphDim()).isGreaterThan(384);

        assertThat(report.path("evaluation").path("test").path("all").path("SVMR R1@0.5").isNumber()).isTrue();
        assertThat(report.path("evaluation").path("val").path("all").path("VCMR R10@0.7").isNumber()).isTrue();
        assertThat(report.path("evaluation").path("test").has("interaction-distractor")).isTrue();
        double vr10 = report.path("evaluation").path("test").path("all").path("VR R10").asDouble();
        assertThat(vr10).isBetween(0.0, 100.0);
        assertThat(report.path("queriesPerSecond").asDouble()).isPositive();
        assertThat(tmp.resolve("report.json")).isNotEmptyFile();
    }

    @Test
    void assemblesStreamsOnTheClipGridWithMomentsInside() throws Exception {
        try (var text = org.momentgraph.encoders.text.MiniLmTextEncoder.builder().build()) {
            DatasetAssembler.Assembled data = new DatasetAssembler(text, new PrintStream(new ByteArrayOutputStream()))
                    .assemble(config("{\"dataset\": {\"type\": \"synthetic\", \"generate\": {\"videos\": 8, \"seed\": 4}}}")
                            .dataset(), true, false, tmp);
            assertThat(data.clipLength()).isEqualTo(2.0);
            for (VideoStreams v : data.set().videos().values()) {
                assertThat(v.length()).isEqualTo(v.video().grid().size());
                assertThat(v.dim(Stream.SUBTITLE)).isEqualTo(384);
                assertThat(v.graph()).isNull();
            }
            for (List<MomentExample> split : data.set().examples().values()) {
                for (MomentExample e : split) {
                    assertThat(e.queryTokens()[0]).hasSize(384);
                    var span = e.query().span();
                    var grid = data.set().videos().get(e.videoId()).video().grid();
                    assertThat(grid.clipStart(e.startClip())).isLessThanOrEqualTo(span.start());
                    assertThat(grid.clipEnd(e.endClip())).isGreaterThanOrEqualTo(span.end() - 1e-6);
                }
            }
        }
    }

    @Test
    void badConfigsNameTheirField() {
        assertThatThrownBy(() -> config("{\"epochs\": 2}")).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.dataset");
        assertThatThrownBy(() -> config("{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}, \"epoch\": 2}"))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("epoch").hasMessageContaining("unknown");
        assertThatThrownBy(() -> config("{\"dataset\": {\"type\": \"kinetics\"}}")).hasMessageContaining("kinetics");
        assertThatThrownBy(() -> config("{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}, "
                + "\"model\": {\"hiddenSize\": -3}}")).hasMessageContaining("hiddenSize");
        assertThatThrownBy(() -> config("{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"x\"}, "
                + "\"streams\": {\"audio\": true}}")).hasMessageContaining("audio");
    }

    @Test
    void tvrTvqaPlusIsNotAvailableYet() throws Exception {
        TrainRunConfig config = config("{\"dataset\": {\"type\": \"tvr-tvqaplus\", \"queries\": \"q.jsonl\", "
                + "\"boxes\": \"b.json\"}}");
        assertThat(config.dataset().queries()).isEqualTo(Path.of("q.jsonl"));
        assertThatThrownBy(() -> new DatasetAssembler(null, System.err).assemble(config.dataset(), false, false, tmp))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("not available yet");
    }
}
