package org.momentgraph.encoders.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void aStepPastTheEstimatedTotalKeepsTheBarFull() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        bar.startEpoch(3, 4, 19);
        bar.step(19, Map.of("total", 0.5), 600);
        bar.step(20, Map.of("total", 0.5), 632);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[====================] 20/19").contains("ETA 0m00s");
    }
}
