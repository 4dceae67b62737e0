package org.momentgraph.eval.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.momentgraph.domain.DataFormatException;

/**
 * Reads required fields of one JSON record and reports every problem as a {@link DataFormatException}
 * that names the file, the record's place and the field.
 *
 * <p>Two ways to name the place: {@link #atLine} for JSON Lines (location "line N", field the
 * path inside the record, e.g. {@code objects[2].score}) and {@link #atPath} for whole JSON files
 * (location the full JSON path of the bad value, e.g. {@code $["s30-d52.avi"].timestamps}, field
 * again the path inside the record). {@link #nested} descends into a sub-object, so nested problems
 * keep their full path.
 */
public final class JsonFields {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_QUOTED = 40;

    private final String file;
    private final String location;
    private final boolean lineMode;
    private final String prefix;

    private JsonFields(String file, String location, boolean lineMode, String prefix) {
        this.file = file;
        this.location = location;
        this.lineMode = lineMode;
        this.prefix = prefix;
    }

    /** A record that is line {@code line} (1-based) of a JSON Lines file. */
    public static JsonFields atLine(String file, long line) {
        return new JsonFields(file, "line " + line, true, "");
    }

    /** A record found at {@code jsonPath} (e.g. {@code $[3]}) of a JSON file. */
    public static JsonFields atPath(String file, String jsonPath) {
        return new JsonFields(file, jsonPath, false, "");
    }

    /** The same record, with field names relative to {@code relative} (e.g. {@code objects[2]}). */
    public JsonFields nested(String relative) {
        return new JsonFields(file, location, lineMode, qualify(relative));
    }

    public String file() {
        return file;
    }

    /** The field's path inside the record, as reported in exceptions. */
    public String qualify(String field) {
        if (prefix.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    /** A problem with {@code field} (relative to this record; null for the record as a whole). */
    public DataFormatException error(String field, String problem) {
        if (field == null && prefix.isEmpty()) {
            return new DataFormatException(file, location, null, problem);
        }
        String name = field == null ? prefix : qualify(field);
        String where = lineMode ? location : location + (name.startsWith("[") ? "" : ".") + name;
        return new DataFormatException(file, where, name, problem);
    }

    /** Checks that the record itself is a JSON object. */
    public JsonNode requireObject(JsonNode record) {
        if (record == null || !record.isObject()) {
            throw error(null, "expected an object, got " + describe(record));
        }
        return record;
    }

    /** A field that must be present and not null. */
    public JsonNode required(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw error(field, value == null ? "missing" : "expected a value, got null");
        }
        return value;
    }

    public double number(JsonNode object, String field) {
        return asNumber(required(object, field), field);
    }

    /** A number that is neither NaN nor infinite. */
    public double finiteNumber(JsonNode object, String field) {
        return asFinite(required(object, field), field);
    }

    /** A finite number {@code >= 0}. */
    public double nonNegativeNumber(JsonNode object, String field) {
        double value = finiteNumber(object, field);
        if (value < 0) {
            throw error(field, "expected a number >= 0, got " + value);
        }
        return value;
    }

    public String text(JsonNode object, String field) {
        JsonNode value = required(object, field);
        if (!value.isTextual()) {
            throw error(field, "expected a string, got " + describe(value));
        }
        return value.textValue();
    }

    public String nonBlankText(JsonNode object, String field) {
        String value = text(object, field);
        if (value.isBlank()) {
            throw error(field, "expected a non-blank string, got " + describe(object.get(field)));
        }
        return value;
    }

    /** A string that may be absent or null, then {@code fallback}. */
    public String textOr(JsonNode object, String field, String fallback) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        return text(object, field);
    }

    /** An id written as a JSON integer or string (TVR's desc_id, QVHighlights' qid), as text. */
    public String id(JsonNode object, String field) {
        JsonNode value = required(object, field);
        if (!value.isIntegralNumber() && !value.isTextual()) {
            throw error(field, "expected an integer or a string, got " + describe(value));
        }
        return value.asText();
    }

    public JsonNode array(JsonNode object, String field) {
        JsonNode value = required(object, field);
        if (!value.isArray()) {
            throw error(field, "expected an array, got " + describe(value));
        }
        return value;
    }

    /** An array of exactly {@code size} finite numbers. */
    public double[] finiteNumbers(JsonNode object, String field, int size) {
        JsonNode value = array(object, field);
        if (value.size() != size) {
            throw error(field, "expected an array of " + size + " numbers, got " + value.size() + " elements");
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = asFinite(value.get(i), field + "[" + i + "]");
        }
        return out;
    }

    public JsonNode object(JsonNode object, String field) {
        JsonNode value = required(object, field);
        if (!value.isObject()) {
            throw error(field, "expected an object, got " + describe(value));
        }
        return value;
    }

    /** {@code value} (found at {@code field}) as a number. */
    public double asNumber(JsonNode value, String field) {
        if (value == null || !value.isNumber()) {
            throw error(field, "expected a number, got " + describe(value));
        }
        return value.doubleValue();
    }

    /** {@code value} (found at {@code field}) as a finite number. */
    public double asFinite(JsonNode value, String field) {
        double number = asNumber(value, field);
        if (!Double.isFinite(number)) {
            throw error(field, "expected a finite number, got " + number);
        }
        return number;
    }

    /** "string \"abc\"", "number 3.5", "array of 2 elements", "null": for problem texts. */
    public static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string " + quote(value.textValue());
        }
        if (value.isNumber()) {
            return "number " + value.asText();
        }
        if (value.isBoolean()) {
            return "boolean " + value.asText();
        }
        if (value.isArray()) {
            return "array of " + value.size() + " element" + (value.size() == 1 ? "" : "s");
        }
        return value.isObject() ? "object" : value.getNodeType().toString().toLowerCase();
    }

    /** A short, quoted rendering of a string for problem texts. */
    public static String quote(String text) {
        String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** A JSON path step for an object key: {@code .name} for identifiers, {@code ["key"]} otherwise. */
    public static String key(String name) {
        if (IDENTIFIER.matcher(name).matches()) {
            return "." + name;
        }
        return "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }
}
