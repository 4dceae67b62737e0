package org.momentgraph.server.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.momentgraph.server.InvalidInputException;

/**
 * The folder under which clients may name server-side files (e.g. {@code features_path}). A client
 * path is relative, has no {@code ..} segment, and, once symlinks are followed, still lies under
 * the root; anything else is rejected before any file is opened.
 */
public final class DataRoot {

    private final Path root;

    public DataRoot(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("data root " + root + " is not a readable folder", e);
        }
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("data root " + root + " is not a folder");
        }
    }

    public Path path() {
        return root;
    }

    /**
     * The regular file that {@code clientPath} names under the root.
     *
     * @throws PathRejectedException with {@link PathRejectedException#forbidden()} when a symlink
     *     leads out of the root, and as a plain bad request for absolute paths, {@code ..}, odd
     *     characters or missing files
     */
    public Path resolve(String field, String clientPath) {
        if (clientPath == null || clientPath.isBlank()) {
            throw new PathRejectedException(field, "must be a non-empty path relative to the data root", false);
        }
        if (clientPath.indexOf('\0') >= 0 || clientPath.indexOf('\\') >= 0) {
            throw new PathRejectedException(field, "must not contain NUL or backslash characters", false);
        }
        Path relative;
        try {
            relative = Path.of(clientPath);
        } catch (InvalidPathException e) {
            throw new PathRejectedException(field, "is not a valid path", false);
        }
        if (relative.isAbsolute() || clientPath.startsWith("/") || clientPath.startsWith("~")) {
            throw new PathRejectedException(field, "must be relative to the data root, not absolute", false);
        }
        for (Path part : relative) {
            if (part.toString().equals("..")) {
                throw new PathRejectedException(field, "must not contain '..'", false);
            }
        }
        Path lexical = root.resolve(relative).normalize();
        if (!lexical.startsWith(root)) {
            throw new PathRejectedException(field, "must stay under the data root", false);
        }
        if (!Files.exists(lexical, LinkOption.NOFOLLOW_LINKS)) {
            throw new PathRejectedException(field, "no such file under the data root: " + clientPath, false);
        }
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (IOException e) {
            // a dangling symlink: where it points is no business of the client
            throw new PathRejectedException(field, "cannot be resolved under the data root", true);
        }
        if (!real.startsWith(root)) {
            throw new PathRejectedException(field, "leads outside the data root", true);
        }
        if (!Files.isRegularFile(real)) {
            throw new PathRejectedException(field, "is not a regular file: " + clientPath, false);
        }
        return real;
    }

    /** A client path that was refused; {@code forbidden} marks paths that escape through symlinks (403). */
    public static final class PathRejectedException extends InvalidInputException {

        private final boolean forbidden;

        public PathRejectedException(String field, String problem, boolean forbidden) {
            super(field, problem);
            this.forbidden = forbidden;
        }

        public boolean forbidden() {
            return forbidden;
        }
    }
}
