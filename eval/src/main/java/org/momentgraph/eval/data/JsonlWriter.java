package org.momentgraph.eval.data;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.momentgraph.domain.AtomicFiles;

/**
 * Streams JSON objects, one a line, to a hidden temporary file beside the target and renames it over
 * the target on {@link #close()}: readers never see a half-written file, and a writer that failed (a
 * write threw) or was {@link #abort() aborted} discards its temporary file and leaves the old target
 * untouched. For files too large to build in memory first; small ones use {@link AtomicFiles}.
 */
public final class JsonlWriter implements AutoCloseable {

    /** Writes one object's fields; the writer opens and closes the object and ends the line. */
    @FunctionalInterface
    public interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private final JsonGenerator json;
    private long lines;
    private boolean failed;
    private boolean closed;

    private JsonlWriter(Path target) {
        this.target = target;
        try {
            this.temp = AtomicFiles.createTempFile(target);
            this.out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
            this.json = JsonLines.generator(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Starts a new version of {@code target} (creating its folder); it replaces the old one on close. */
    public static JsonlWriter open(Path target) {
        return new JsonlWriter(target);
    }

    /**
     * Appends one object (one line). Whatever {@code fields} throws, I/O error or rejected value,
     * marks the writer failed, so close publishes nothing.
     */
    public void write(Fields fields) {
        if (closed) {
            throw new IllegalStateException("writer for " + target + " is closed");
        }
        try {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
            json.writeRaw('\n');
            lines++;
        } catch (IOException e) {
            failed = true;
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
    }

    /** Lines written so far. */
    public long lines() {
        return lines;
    }

    /** Discards everything written: close will leave the target as it was. */
    public void abort() {
        failed = true;
    }

    /** Publishes the file (renames the temporary file over the target), unless aborted or failed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try {
                json.close();
                out.close();
            } catch (IOException e) {
                failed = true;
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            }
            if (!failed) {
                AtomicFiles.move(temp, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + temp + " to " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a hidden *.tmp left behind loses no data
            }
        }
    }
}
