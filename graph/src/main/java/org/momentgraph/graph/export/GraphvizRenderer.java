package org.momentgraph.graph.export;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.momentgraph.domain.AtomicFiles;

/** Renders DOT text to SVG or PNG by running Graphviz's {@code dot} program. */
public final class GraphvizRenderer {

    /** What to tell a user without Graphviz. */
    public static final String INSTALL_HINT = "Graphviz 'dot' is not on PATH; install it (Debian/Ubuntu: "
            + "apt-get install graphviz, macOS: brew install graphviz) or export --format dot|graphml|json instead";

    private GraphvizRenderer() {
    }

    /** The {@code dot} executable on PATH, if any. */
    public static Optional<Path> findDot() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "dot");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Renders DOT to {@code target} atomically.
     *
     * @throws IllegalStateException with {@link #INSTALL_HINT} when Graphviz is missing, or dot's own
     *                               message when it fails
     */
    public static void render(String dotText, GraphFormat format, Path target) {
        if (!format.rendered()) {
            throw new IllegalArgumentException(format + " is not a rendered format; use svg or png");
        }
        Path dot = findDot().orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = AtomicFiles.createTempFile(target);
            Process p = new ProcessBuilder(dot.toString(), "-T" + format.extension(), "-o", tmp.toString())
                    .redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                in.write(dotText.getBytes(StandardCharsets.UTF_8));
            }
            String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("Graphviz dot took over 120 s; export --format dot and render it yourself");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("Graphviz dot failed (exit " + p.exitValue() + "): " + messages.strip());
            }
            AtomicFiles.move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a hidden *.tmp left behind loses no data
                }
            }
        }
    }
}
