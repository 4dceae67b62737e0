package org.momentgraph.eval.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;

/**
 * TVR query files (JSON Lines), one query a line:
 * {@code {"vid_name": "s01e02_seg02_clip_12", "duration": 61.46, "ts": [16.48, 33.87], "desc": "...",
 * "type": "v", "desc_id": 90200}}. Further string fields (e.g. the synthetic benchmark's
 * "difficulty") become {@link Query#attributes()}; further non-string fields are ignored.
 */
public final class TvrJsonl {

    private static final Set<String> STANDARD = Set.of("vid_name", "duration", "ts", "desc", "type", "desc_id");

    private TvrJsonl() {
    }

    /** All queries of {@code path}, in file order; desc_ids must be unique. */
    public static List<Query> read(Path path) {
        List<Query> queries = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        JsonLines.forEach(path, line -> {
            Query query = parse(line.record(), line.fields());
            Long previous = firstLine.putIfAbsent(query.id(), line.number());
            if (previous != null) {
                throw line.fields().error("desc_id", "duplicate desc_id " + query.id() + " (first on line " + previous + ")");
            }
            queries.add(query);
        });
        return queries;
    }

    /** One query from one line's object. */
    static Query parse(JsonNode record, JsonFields fields) {
        String video = fields.nonBlankText(record, "vid_name");
        double duration = fields.nonNegativeNumber(record, "duration");
        double[] ts = fields.finiteNumbers(record, "ts", 2);
        if (ts[0] < 0 || ts[1] < ts[0]) {
            throw fields.error("ts", "expected [start, end] with 0 <= start <= end, got [" + ts[0] + ", " + ts[1] + "]");
        }
        String text = fields.text(record, "desc");
        String type = record.has("type") ? fields.text(record, "type") : "";
        String id = descId(record, fields);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!STANDARD.contains(field.getKey()) && field.getValue().isTextual()) {
                attributes.put(field.getKey(), field.getValue().textValue());
            }
        }
        return new Query(id, text, video, duration, List.of(new Span(ts[0], ts[1])), type, attributes);
    }

    private static String descId(JsonNode record, JsonFields fields) {
        JsonNode value = fields.required(record, "desc_id");
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (value.isTextual() && !value.textValue().isBlank()) {
            return value.textValue();
        }
        throw fields.error("desc_id", "expected an integer or a non-blank string, got " + JsonFields.describe(value));
    }

    /**
     * Writes {@code queries} in TVR format, atomically. Each query needs exactly one span and a
     * finite duration; ids that are integers are written as JSON numbers, others as strings.
     */
    public static void write(Path path, List<Query> queries) {
        for (Query query : queries) {
            check(query);
        }
        AtomicFiles.write(path, out -> {
            try (JsonGenerator json = JsonLines.generator(out)) {
                for (Query query : queries) {
                    writeOne(json, query);
                    json.writeRaw('\n');
                }
            }
        });
    }

    private static void writeOne(JsonGenerator json, Query query) throws IOException {
        json.writeStartObject();
        writeFields(json, query);
        json.writeEndObject();
    }

    /**
     * The fields of one query's line (without the braces), for writers that stream lines themselves;
     * {@link #write} also checks that the query fits the format first.
     */
    public static void writeFields(JsonGenerator json, Query query) throws IOException {
        Span span = query.span();
        json.writeStringField("vid_name", query.videoId());
        json.writeNumberField("duration", query.duration());
        json.writeArrayFieldStart("ts");
        json.writeNumber(span.start());
        json.writeNumber(span.end());
        json.writeEndArray();
        json.writeStringField("desc", query.text());
        json.writeStringField("type", query.type());
        json.writeFieldName("desc_id");
        JsonIds.write(json, query.id());
        // sorted: Map.copyOf's order changes between JVM runs, and the same queries should give the same bytes
        for (Map.Entry<String, String> attribute : new java.util.TreeMap<>(query.attributes()).entrySet()) {
            json.writeStringField(attribute.getKey(), attribute.getValue());
        }
    }

    private static void check(Query query) {
        if (query.spans().size() != 1) {
            throw new IllegalArgumentException("TVR needs exactly one span; query " + query.id() + " has " + query.spans().size());
        }
        if (!Double.isFinite(query.duration()) || query.duration() < 0) {
            throw new IllegalArgumentException("TVR needs a finite duration; query " + query.id() + " has " + query.duration());
        }
        if (query.videoId() == null || query.videoId().isBlank() || query.id().isBlank() || query.text() == null) {
            throw new IllegalArgumentException("TVR needs a video, an id and a text; query " + query.id() + " lacks one");
        }
        for (String key : query.attributes().keySet()) {
            if (STANDARD.contains(key)) {
                throw new IllegalArgumentException("attribute '" + key + "' of query " + query.id() + " would overwrite a TVR field");
            }
        }
    }
}
