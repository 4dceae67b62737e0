package org.momentgraph.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo --no-serve} on a tiny size: prepares everything and prints how to serve it; bad sizes exit 2. */
class DemoCommandTest {

    @TempDir
    Path home;

    @Test
    void noServePreparesAndPrintsTheServeCommand() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = MomentGraphCli.commandLine().execute("demo", "--home", home.toString(), "--videos", "12", "--epochs",
                    "1", "--hidden", "8", "--no-serve");
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve:  ./momentgraph serve --model " + home);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("demo: generating videos 12/12")
                .contains("epoch 1: loss").contains("corpus: encoding videos 12/12").contains("indexed");
    }

    @Test
    void tooFewVideosIsAnError() {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(MomentGraphCli.commandLine().execute("demo", "--home", home.toString(), "--videos", "3",
                    "--no-serve")).isEqualTo(2);
        } finally {
            System.setErr(oldErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 10 videos");
    }
}
