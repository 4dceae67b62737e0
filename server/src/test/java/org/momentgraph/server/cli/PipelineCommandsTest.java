package org.momentgraph.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict, eval and ablate reject bad arguments with one line on stderr and exit code 2. */
class PipelineCommandsTest {

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    private void assertOneLineError(int code, String command, String mentions) {
        assertThat(code).isEqualTo(2);
        String text = cli.err.toString().strip();
        assertThat(text).startsWith(command + ": ").contains(mentions).doesNotContain("\n");
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void predictNeedsAModelADatasetAndAKnownFormat() throws IOException {
        assertOneLineError(cli.run("predict", "--dataset", "synthetic", "--out", "x.json"), "predict", "--model");
        cli.err.getBuffer().setLength(0);
        Path model = Files.createDirectory(dir.resolve("model"));
        assertOneLineError(cli.run("predict", "--model", model.toString(), "--dataset", "synthetic", "--out", "x.json",
                "--format", "csv"), "predict", "--format");
        cli.err.getBuffer().setLength(0);
        assertOneLineError(cli.run("predict", "--model", model.toString(), "--dataset", "synthetic", "--out", "x.json",
                "--filter", "graphs"), "predict", "--filter");
        assertThat(cli.err.toString()).contains("\"graph\"", "\"presence\"", "\"label-bag\"", "\"none\"");
        cli.err.getBuffer().setLength(0);
        // an empty folder is not a model directory: the reader names the missing file
        assertOneLineError(cli.run("predict", "--model", model.toString(), "--dataset", "synthetic", "--data", "d",
                "--out", dir.resolve("p.json").toString()), "predict", "checksums");
        assertThat(Files.exists(dir.resolve("p.json"))).isFalse();
    }

    @Test
    void evalAndAblateNeedAReadableConfig() throws IOException {
        assertOneLineError(cli.run("eval"), "eval", "--config");
        cli.err.getBuffer().setLength(0);
        Path config = dir.resolve("c.json");
        Files.writeString(config, "{\"dataset\": {\"type\": \"synthetic\"}}");
        assertOneLineError(cli.run("ablate", "--config", config.toString()), "ablate", "\"dir\" or \"generate\"");
        cli.err.getBuffer().setLength(0);
        Files.writeString(config, "{\"dataset\": {\"type\": \"tvr-tvqaplus\"}}");
        assertOneLineError(cli.run("eval", "--config", config.toString(), "--model", dir.toString()), "eval",
                "every episode fold trains its own model");
        cli.err.getBuffer().setLength(0);
        Files.writeString(config, "{\"dataset\": {\"type\": \"synthetic\", \"dir\": \"d\"}, \"filter\": \"gnn\"}");
        assertOneLineError(cli.run("ablate", "--config", config.toString()), "ablate", "$.filter");
    }
}
