package org.momentgraph.eval.data;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.momentgraph.domain.DataFormatException;

/**
 * Streams the records of a JSON Lines file, one parsed line at a time, each with its line number.
 * Blank lines are skipped (files often end with one); a line that is not one complete JSON object
 * is a {@link DataFormatException} at that line.
 */
public final class JsonLines implements Iterator<JsonLines.Line>, AutoCloseable {

    /** One non-blank line: its 1-based number, its object, and a {@link JsonFields} that reports at it. */
    public record Line(long number, JsonNode record, JsonFields fields) {
    }

    /** Shared mapper: rejects trailing content after the object on a line. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** For streaming parsers that read one value at a time, where later tokens are expected. */
    static final ObjectMapper STREAMING_MAPPER = new ObjectMapper();

    /**
     * A generator for writing JSON Lines to {@code out}: no separator between root values (the
     * caller ends each line with {@code writeRaw('\n')}), and closing it leaves {@code out} open.
     */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8);
        json.setRootValueSeparator(null);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return json;
    }

    private final Path path;
    private final String file;
    private final BufferedReader reader;
    private long lineNumber;
    private Line next;

    private JsonLines(Path path) throws IOException {
        this.path = path;
        this.file = path.toString();
        this.reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
    }

    /** Opens {@code path}; close it (try-with-resources) when done. */
    public static JsonLines open(Path path) {
        try {
            return new JsonLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Calls {@code action} for every record of {@code path}, holding one line at a time. */
    public static void forEach(Path path, Consumer<Line> action) {
        try (JsonLines lines = open(path)) {
            lines.forEachRemaining(action);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public Line next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Line line = next;
        next = null;
        return line;
    }

    private Line readNext() {
        String text;
        do {
            try {
                text = reader.readLine();
            } catch (CharacterCodingException e) {
                throw DataFormatException.atLine(file, lineNumber + 1, null, "not valid UTF-8 text");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            }
            if (text == null) {
                return null;
            }
            lineNumber++;
        } while (text.isBlank());
        JsonFields fields = JsonFields.atLine(file, lineNumber);
        JsonNode record;
        try {
            record = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file, "line " + lineNumber, null,
                    "malformed JSON (" + e.getOriginalMessage() + ")", e);
        }
        return new Line(lineNumber, fields.requireObject(record), fields);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
        }
    }
}
