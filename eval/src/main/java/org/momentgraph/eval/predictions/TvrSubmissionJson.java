package org.momentgraph.eval.predictions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Moment;
import org.momentgraph.eval.data.JsonIds;

/**
 * Reads and writes the TVR submission file of TVRetrieval's {@code standalone_eval/eval.py}:
 * <pre>{"VCMR": [{"desc_id": 90200, "desc": "...", "predictions": [[video_idx, st, ed, score], ...]}, ...],
 *  "SVMR": [...], "VR": [...], "video2idx": {"s01e02_seg02_clip_12": 17, ...}}</pre>
 * Each task is optional. A prediction row needs at least {@code [video_idx, st, ed]}; the score (4th)
 * is kept as a record and ignored by the metrics. The file is streamed, so full test-set submissions
 * (millions of rows) read in bounded extra memory.
 */
public final class TvrSubmissionJson {

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private TvrSubmissionJson() {
    }

    /** One query's rows before video indices are resolved (video2idx may come last in the file). */
    private record RawQuery(String descId, String desc, List<double[]> rows) {
    }

    public static TvrSubmission read(Path file) {
        String name = file.toString();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new DataFormatException(name, "$", null, "a TVR submission must be a JSON object");
            }
            Map<String, Integer> video2idx = null;
            Map<TvrTask, List<RawQuery>> raw = new EnumMap<>(TvrTask.class);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                TvrTask task = taskNamed(field);
                if (field.equals("video2idx")) {
                    video2idx = readVideo2idx(p, name);
                } else if (task != null) {
                    raw.put(task, readTask(p, name, "$." + field));
                } else {
                    p.skipChildren();
                }
            }
            if (video2idx == null) {
                throw new DataFormatException(name, "$", "video2idx", "missing: the map from video name to index");
            }
            return resolve(name, video2idx, raw);
        } catch (JsonProcessingException e) {
            throw new DataFormatException(name, "line " + e.getLocation().getLineNr() + " column "
                    + e.getLocation().getColumnNr(), null, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(Path file, TvrSubmission submission) {
        AtomicFiles.writeText(file, w -> {
            try (JsonGenerator g = JSON.createGenerator(w)) {
                g.writeStartObject();
                for (TvrTask task : TvrTask.values()) {
                    if (submission.has(task)) {
                        g.writeArrayFieldStart(task.name());
                        for (RankedMoments ranked : submission.predictions(task)) {
                            writeQuery(g, ranked, submission.video2idx());
                        }
                        g.writeEndArray();
                    }
                }
                g.writeObjectFieldStart("video2idx");
                for (Map.Entry<String, Integer> e : submission.video2idx().entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
        });
    }

    private static void writeQuery(JsonGenerator g, RankedMoments ranked, Map<String, Integer> video2idx)
            throws IOException {
        g.writeStartObject();
        g.writeFieldName("desc_id");
        JsonIds.write(g, ranked.queryId());
        g.writeStringField("desc", ranked.queryText());
        g.writeArrayFieldStart("predictions");
        for (Moment m : ranked.moments()) {
            g.writeStartArray();
            g.writeNumber(video2idx.get(m.videoId()));
            g.writeNumber(m.start());
            g.writeNumber(m.end());
            if (Double.isFinite(m.score())) {
                g.writeNumber(m.score());
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static TvrTask taskNamed(String field) {
        for (TvrTask task : TvrTask.values()) {
            if (task.name().equals(field)) {
                return task;
            }
        }
        return null;
    }

    private static Map<String, Integer> readVideo2idx(JsonParser p, String file) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new DataFormatException(file, "$", "video2idx", "must be an object {video name: index}");
        }
        Map<String, Integer> video2idx = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String video = p.currentName();
            p.nextToken();
            Long index = integerAt(p);
            if (index == null || index < Integer.MIN_VALUE || index > Integer.MAX_VALUE) {
                throw new DataFormatException(file, "$.video2idx", video, "the index must be an integer");
            }
            video2idx.put(video, index.intValue());
        }
        return video2idx;
    }

    private static List<RawQuery> readTask(JsonParser p, String file, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new DataFormatException(file, path, null, "must be a list of per-query predictions");
        }
        List<RawQuery> queries = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            queries.add(readQuery(p, file, path + "[" + queries.size() + "]"));
        }
        return queries;
    }

    private static RawQuery readQuery(JsonParser p, String file, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new DataFormatException(file, path, null, "must be an object with desc_id and predictions");
        }
        String descId = null;
        String desc = "";
        List<double[]> rows = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "desc_id" -> {
                    descId = JsonIds.read(p);
                    if (descId == null) {
                        throw new DataFormatException(file, path, "desc_id", "must be an integer or a string");
                    }
                }
                case "desc" -> {
                    if (p.currentToken() != JsonToken.VALUE_STRING && p.currentToken() != JsonToken.VALUE_NULL) {
                        throw new DataFormatException(file, path, "desc", "must be a string");
                    }
                    desc = p.currentToken() == JsonToken.VALUE_NULL ? "" : p.getText();
                }
                case "predictions" -> rows = readRows(p, file, path + ".predictions");
                default -> p.skipChildren();
            }
        }
        if (descId == null) {
            throw new DataFormatException(file, path, "desc_id", "missing");
        }
        if (rows == null) {
            throw new DataFormatException(file, path, "predictions", "missing");
        }
        return new RawQuery(descId, desc, rows);
    }

    /** Rows as {video_idx, st, ed, score-or-NaN}. */
    private static List<double[]> readRows(JsonParser p, String file, String path) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new DataFormatException(file, path, "predictions", "must be a list of [video_idx, st, ed, score]");
        }
        List<double[]> rows = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String rowPath = path + "[" + rows.size() + "]";
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw new DataFormatException(file, rowPath, "predictions", "must be a list [video_idx, st, ed, score]");
            }
            double[] row = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
            int n = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (n < 4) {
                    if (!p.currentToken().isNumeric()) {
                        throw new DataFormatException(file, rowPath + "[" + n + "]", "predictions",
                                "must be a number, got " + p.getText());
                    }
                    row[n] = p.getDoubleValue();
                } else {
                    p.skipChildren();
                }
                n++;
            }
            if (n < 3) {
                throw new DataFormatException(file, rowPath, "predictions",
                        "needs at least [video_idx, st, ed], got " + n + " values");
            }
            if (row[0] != Math.rint(row[0]) || Math.abs(row[0]) > Integer.MAX_VALUE) {
                throw new DataFormatException(file, rowPath + "[0]", "predictions", "video_idx must be an integer");
            }
            rows.add(row);
        }
        return rows;
    }

    private static TvrSubmission resolve(String file, Map<String, Integer> video2idx, Map<TvrTask, List<RawQuery>> raw) {
        Map<Integer, String> videoAt = new HashMap<>();
        for (Map.Entry<String, Integer> e : video2idx.entrySet()) {
            String clash = videoAt.putIfAbsent(e.getValue(), e.getKey());
            if (clash != null) {
                throw new DataFormatException(file, "$.video2idx", e.getKey(),
                        "index " + e.getValue() + " is also given to '" + clash + "'");
            }
        }
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        raw.forEach((task, queries) -> {
            List<RankedMoments> list = new ArrayList<>(queries.size());
            for (int i = 0; i < queries.size(); i++) {
                RawQuery q = queries.get(i);
                List<Moment> moments = new ArrayList<>(q.rows().size());
                for (int j = 0; j < q.rows().size(); j++) {
                    double[] row = q.rows().get(j);
                    String video = videoAt.get((int) row[0]);
                    if (video == null) {
                        throw new DataFormatException(file, "$." + task + "[" + i + "].predictions[" + j + "][0]",
                                "predictions", "video index " + (int) row[0] + " is not in video2idx");
                    }
                    moments.add(new Moment(video, row[1], row[2], row[3]));
                }
                list.add(new RankedMoments(q.descId(), q.desc(), moments));
            }
            tasks.put(task, list);
        });
        return new TvrSubmission(video2idx, tasks);
    }

    private static Long integerAt(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == Math.rint(p.getDoubleValue())) {
            return (long) p.getDoubleValue();
        }
        return null;
    }
}
