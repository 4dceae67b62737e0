package org.momentgraph.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

    @Test
    void aMissingModelIsReportedWithExitCode2() {
        var err = new java.io.ByteArrayOutputStream();
        var old = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        int code;
        try {
            code = MomentGraphCli.commandLine().execute("serve", "--model", "m", "--corpus", "c", "--port", "0");
        } finally {
            System.setErr(old);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("cannot open model m over corpus c").contains("no model directory here");
    }

    @Test
    void helpShowsOptionsAndAnExample() {
        StringWriter out = new StringWriter();
        CommandLine cli = MomentGraphCli.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--model", "--corpus", "--port", "--host", "--data-root",
                "./momentgraph serve --model");
    }

    @Test
    void modelAndCorpusAreRequired() {
        CommandLine cli = MomentGraphCli.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("serve", "--port", "0")).isEqualTo(2);
    }
}
