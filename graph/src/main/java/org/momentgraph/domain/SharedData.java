package org.momentgraph.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the project's {@code ../shared/data} folder: the system property {@code momentgraph.shared}
 * (set by the build), the environment variable {@code MOMENTGRAPH_SHARED}, or a {@code shared}
 * folder beside the working directory or one of its parents.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Optional<Path> root() {
        for (String candidate : new String[] {System.getProperty("momentgraph.shared"), System.getenv("MOMENTGRAPH_SHARED")}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate, "data"))) {
                return Optional.of(Path.of(candidate, "data").toAbsolutePath().normalize());
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path data = dir.resolveSibling("shared").resolve("data");
            if (dir.getParent() != null && Files.isDirectory(data)) {
                return Optional.of(data.normalize());
            }
        }
        return Optional.empty();
    }

    /** A file under shared/data, failing with a clear message when the folder is absent. */
    public static Path file(String relative) {
        Path root = root().orElseThrow(() -> new IllegalStateException(
                "../shared/data not found: set -Dmomentgraph.shared=DIR or MOMENTGRAPH_SHARED"));
        return root.resolve(relative);
    }
}
