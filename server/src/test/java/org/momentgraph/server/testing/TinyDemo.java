package org.momentgraph.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.momentgraph.server.demo.DemoConfig;
import org.momentgraph.server.demo.DemoPreparer;

/**
 * The demo's prepare path at a tiny size (20 generated videos, a 16-wide model, one epoch), run
 * once per test JVM into a temporary home and shared by the tests that need a real trained model.
 */
public final class TinyDemo {

    public static final DemoConfig CONFIG = new DemoConfig(20, 7, 1, 16, 8, 1e-3f);

    private static Path home;
    private static DemoPreparer.Prepared prepared;
    private static String log;

    private TinyDemo() {
    }

    public static synchronized DemoPreparer.Prepared prepared() {
        if (prepared == null) {
            try {
                home = Files.createTempDirectory("momentgraph-demo-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            home.toFile().deleteOnExit();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            prepared = DemoPreparer.prepare(home, CONFIG, new PrintStream(out, true, StandardCharsets.UTF_8));
            log = out.toString(StandardCharsets.UTF_8);
        }
        return prepared;
    }

    public static synchronized Path home() {
        prepared();
        return home;
    }

    /** What the first prepare printed. */
    public static synchronized String log() {
        prepared();
        return log;
    }
}
