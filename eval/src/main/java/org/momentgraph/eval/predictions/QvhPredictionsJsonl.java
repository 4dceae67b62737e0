package org.momentgraph.eval.predictions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Moment;

/**
 * Reads and writes QVHighlights prediction files: JSON lines
 * {@code {"qid": 2579, "query": "...", "vid": "...", "pred_relevant_windows": [[st, ed, score], ...],
 * "pred_saliency_scores": [s0, s1, ...]}}. Either of the last two may be absent.
 */
public final class QvhPredictionsJsonl {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private QvhPredictionsJsonl() {
    }

    public static List<QvhPrediction> read(Path file) {
        String name = file.toString();
        List<QvhPrediction> predictions = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    predictions.add(parse(name, lineNo, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return predictions;
    }

    public static void write(Path file, List<QvhPrediction> predictions) {
        AtomicFiles.writeText(file, w -> {
            for (QvhPrediction p : predictions) {
                try (JsonGenerator g = JSON.createGenerator(w)) {
                    g.writeStartObject();
                    g.writeFieldName("qid");
                    JsonIds.write(g, p.qid());
                    g.writeStringField("query", p.query());
                    g.writeStringField("vid", p.vid());
                    if (p.hasWindows()) {
                        g.writeArrayFieldStart("pred_relevant_windows");
                        for (Moment m : p.windows()) {
                            g.writeArray(new double[] {m.start(), m.end(), m.score()}, 0, 3);
                        }
                        g.writeEndArray();
                    }
                    if (p.hasSaliency()) {
                        g.writeArrayFieldStart("pred_saliency_scores");
                        for (double s : p.saliency()) {
                            g.writeNumber(s);
                        }
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                }
                w.write('\n');
            }
        });
    }

    private static QvhPrediction parse(String file, long lineNo, String line) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw DataFormatException.atLine(file, lineNo, null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw DataFormatException.atLine(file, lineNo, null, "each line must be a JSON object");
        }
        JsonNode qid = node.get("qid");
        if (qid == null || !(qid.isIntegralNumber() || qid.isTextual())) {
            throw DataFormatException.atLine(file, lineNo, "qid", "missing or not an integer/string");
        }
        String vid = textOrEmpty(file, lineNo, node, "vid");
        String query = textOrEmpty(file, lineNo, node, "query");
        List<Moment> windows = null;
        JsonNode w = node.get("pred_relevant_windows");
        if (w != null) {
            if (!w.isArray()) {
                throw DataFormatException.atLine(file, lineNo, "pred_relevant_windows", "must be a list of [st, ed, score]");
            }
            windows = new ArrayList<>(w.size());
            for (int i = 0; i < w.size(); i++) {
                JsonNode row = w.get(i);
                if (!row.isArray() || row.size() < 3 || !row.get(0).isNumber() || !row.get(1).isNumber()
                        || !row.get(2).isNumber()) {
                    throw DataFormatException.atLine(file, lineNo, "pred_relevant_windows[" + i + "]",
                            "must be [st, ed, score] numbers, got " + row);
                }
                windows.add(new Moment(vid, row.get(0).doubleValue(), row.get(1).doubleValue(), row.get(2).doubleValue()));
            }
        }
        List<Double> saliency = null;
        JsonNode s = node.get("pred_saliency_scores");
        if (s != null) {
            if (!s.isArray()) {
                throw DataFormatException.atLine(file, lineNo, "pred_saliency_scores", "must be a list of numbers");
            }
            saliency = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) {
                if (!s.get(i).isNumber()) {
                    throw DataFormatException.atLine(file, lineNo, "pred_saliency_scores[" + i + "]",
                            "must be a number, got " + s.get(i));
                }
                saliency.add(s.get(i).doubleValue());
            }
        }
        return new QvhPrediction(qid.asText(), query, vid, windows, saliency);
    }

    private static String textOrEmpty(String file, long lineNo, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw DataFormatException.atLine(file, lineNo, field, "must be a string");
        }
        return v.asText();
    }
}
