package org.momentgraph.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** predict, eval and ablate reject bad arguments with one line on stderr and exit code 2. */
class PipelineCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = MomentGraphCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private void assertOneLineError(int code, String command, String mentions) {
        assertThat(code).isEqualTo(2);
        String text = err.toString().strip();
        assertThat(text).startsWith(command + ": ").contains(mentions).doesNotContain("\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void predictNeedsAModelADatasetAndAKnownFormat() throws IOException {
        assertOneLineError(run("predict", "--dataset", "synthetic", "--out", "x.json"), "predict", "--model");
        err.getBuffer().setLength(0);
        Path model = Files.createDirectory(dir.resolve("model"));
        assertOneLineError(run("predict", "--model", model.toString(), "--dataset", "synthetic", "--out", "x.json",
                "--format", "csv"), "predict", "--format");
        err.getBuffer().setLength(0);
        // an empty folder is not a model directory: the reader names the missing file
        assertOneLineError(run("predict", "--model", model.toString(), "--dataset", "synthetic", "--data", "d",
                "--out", dir.resolve("p.json").toString()), "predict", "checksums");
        assertThat(Files.exists(dir.resolve("p.json"))).isFalse();
    }

    @Test
    void evalAndAblateNeedAReadableConfig() throws IOException {
        assertOneLineError(run("eval"), "eval", "--config");
        err.getBuffer().setLength(0);
        Path config = dir.resolve("c.json");
        Files.writeString(config, "{\"dataset\": {\"type\": \"synthetic\"}}");
        assertOneLineError(run("ablate", "--config", config.toString()), "ablate", "\"dir\" or \"generate\"");
        err.getBuffer().setLength(0);
        Files.writeString(config, "{\"dataset\": {\"type\": \"tvr-tvqaplus\"}}");
        assertOneLineError(run("eval", "--config", config.toString(), "--model", dir.toString()), "eval",
                "every episode fold trains its own model");
    }
}
