package org.momentgraph.eval.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.momentgraph.domain.DataFormatException;

/**
 * Streams the records of a JSON file whose top level is an array of records ({@code $[0]},
 * {@code $[1]}, ...) or an object of named records ({@code $["key"]}): the parser holds one record
 * as a tree at a time. Malformed or truncated JSON is a {@link DataFormatException} at the path of
 * the record being read, with the parser's line and column in the problem text.
 */
public final class JsonRecords {

    /** Receives one record: its key (null inside an array), its tree, and fields that report at its path. */
    @FunctionalInterface
    public interface Handler {
        void accept(String key, JsonNode record, JsonFields fields);
    }

    private JsonRecords() {
    }

    /** Calls {@code handler} for each element of the top-level array of {@code path}. */
    public static void forEachInArray(Path path, Handler handler) {
        stream(path, true, handler);
    }

    /** Calls {@code handler} for each entry of the top-level object of {@code path}, in file order. */
    public static void forEachInObject(Path path, Handler handler) {
        stream(path, false, handler);
    }

    private static void stream(Path path, boolean array, Handler handler) {
        String file = path.toString();
        String where = "$";
        try (JsonParser parser = JsonLines.STREAMING_MAPPER.createParser(path.toFile())) {
            JsonToken first = parser.nextToken();
            JsonToken open = array ? JsonToken.START_ARRAY : JsonToken.START_OBJECT;
            if (first != open) {
                throw new DataFormatException(file, "$", null, "expected a top-level " + (array ? "array" : "object")
                        + ", got " + (first == null ? "an empty file" : first.asString() == null ? first.name() : first.asString()));
            }
            JsonToken close = array ? JsonToken.END_ARRAY : JsonToken.END_OBJECT;
            for (int index = 0;; index++) {
                // name the next record before reading on, so a token error points at it
                where = array ? "$[" + index + "]" : "$";
                JsonToken token = parser.nextToken();
                if (token == close) {
                    break;
                }
                String key = null;
                if (token == null) {
                    throw new DataFormatException(file, where, null, "truncated: the file ends inside the top-level "
                            + (array ? "array" : "object"));
                }
                if (!array) {
                    key = parser.currentName();
                    where = "$" + JsonFields.key(key);
                    parser.nextToken();
                }
                JsonNode record = parser.readValueAsTree();
                handler.accept(key, record, JsonFields.atPath(file, where));
            }
            where = "$";
            if (parser.nextToken() != null) {
                throw new DataFormatException(file, "$", null, "unexpected content after the top-level "
                        + (array ? "array" : "object") + " at " + position(parser.currentLocation()));
            }
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file, where, null, "malformed JSON at " + position(e.getLocation())
                    + " (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static String position(JsonLocation location) {
        return location == null ? "unknown position" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
