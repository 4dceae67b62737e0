package org.momentgraph.encoders.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;

/**
 * JSON for configuration records: absent fields take the defaults (so old model directories keep
 * loading when a field is added), unknown fields and bad values are reported with their JSON path.
 */
public final class ConfigJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigJson() {
    }

    public static String write(Record config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + config, e);
        }
    }

    public static void writeFile(Path file, Record config) {
        AtomicFiles.writeString(file, write(config) + "\n");
    }

    public static String readFile(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config " + file, e);
        }
    }

    public static <T extends Record> T read(String json, String source, T defaults, Class<T> type) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "$" : "line " + e.getLocation().getLineNr();
            throw new DataFormatException(source, where, null, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        return read(node, source, defaults, type);
    }

    public static <T extends Record> T read(JsonNode node, String source, T defaults, Class<T> type) {
        if (node == null || !node.isObject()) {
            throw new DataFormatException(source, "$", null, "expected a JSON object");
        }
        ObjectNode merged = MAPPER.valueToTree(defaults);
        merge(merged, (ObjectNode) node, source, "$");
        try {
            return MAPPER.treeToValue(merged, type);
        } catch (JsonMappingException e) {
            StringBuilder path = new StringBuilder("$");
            String field = null;
            for (JsonMappingException.Reference ref : e.getPath()) {
                field = ref.getFieldName();
                path.append('.').append(field);
            }
            Throwable root = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String problem = root == e ? e.getOriginalMessage() : root.getMessage();
            throw new DataFormatException(source, path.toString(), field, problem, e);
        } catch (JsonProcessingException e) {
            throw new DataFormatException(source, "$", null, e.getOriginalMessage(), e);
        }
    }

    /** Overlays {@code override} on {@code target} field by field, nested objects included. */
    private static void merge(ObjectNode target, ObjectNode override, String source, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String fieldPath = path + "." + name;
            if (!target.has(name)) {
                throw new DataFormatException(source, fieldPath, name,
                        "unknown field; known: " + iterable(target.fieldNames()));
            }
            JsonNode current = target.get(name);
            if (current.isObject()) {
                if (!field.getValue().isObject()) {
                    throw new DataFormatException(source, fieldPath, name, "expected a JSON object");
                }
                merge((ObjectNode) current, (ObjectNode) field.getValue(), source, fieldPath);
            } else {
                target.set(name, field.getValue());
            }
        }
    }

    private static String iterable(Iterator<String> names) {
        StringBuilder out = new StringBuilder();
        names.forEachRemaining(n -> out.append(out.length() == 0 ? "" : ", ").append(n));
        return out.toString();
    }
}
