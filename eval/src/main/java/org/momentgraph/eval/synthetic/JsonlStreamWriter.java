package org.momentgraph.eval.synthetic;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.momentgraph.domain.AtomicFiles;

/**
 * Appends JSON objects, one per line, to a hidden temporary file that {@link #close()} renames over the
 * target: readers never see a half-written file, and an aborted writer leaves the old file untouched.
 */
final class JsonlStreamWriter implements AutoCloseable {

    /** Writes one object's fields; the writer opens and closes the object and ends the line. */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private final JsonGenerator json;
    private boolean failed;
    private boolean closed;
    private long lines;

    JsonlStreamWriter(Path target) {
        this.target = target;
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            temp = AtomicFiles.createTempFile(target);
            out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
            json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    void write(Fields fields) {
        try {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
            json.writeRaw('\n');
            lines++;
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    long lines() {
        return lines;
    }

    void abort() {
        failed = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            json.close();
            out.close();
            if (!failed) {
                if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // temp files are owner-only; the published file reads like any other, as AtomicFiles.write does
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                AtomicFiles.move(temp, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a hidden *.tmp left behind loses no data
            }
        }
    }
}
