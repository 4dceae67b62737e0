package org.momentgraph.server.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.momentgraph.domain.DataFormatException;

/** Reads a JSON-lines file one object at a time, reporting bad lines by file and line number. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FunctionalInterface
    interface LineHandler {
        void accept(long line, JsonNode node);
    }

    private JsonLines() {
    }

    /** Calls {@code handler} for each non-blank line, numbered from 1. */
    static void forEach(Path file, LineHandler handler) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    throw DataFormatException.atLine(file.toString(), lineNo, null, "not JSON: " + e.getOriginalMessage());
                }
                handler.accept(lineNo, node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
