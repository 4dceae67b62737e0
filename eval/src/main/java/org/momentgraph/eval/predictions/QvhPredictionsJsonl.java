package org.momentgraph.eval.predictions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.Moment;
import org.momentgraph.eval.data.JsonFields;
import org.momentgraph.eval.data.JsonIds;
import org.momentgraph.eval.data.JsonLines;

/**
 * Reads and writes QVHighlights prediction files: JSON lines
 * {@code {"qid": 2579, "query": "...", "vid": "...", "pred_relevant_windows": [[st, ed, score], ...],
 * "pred_saliency_scores": [s0, s1, ...]}}. Either of the last two may be absent.
 */
public final class QvhPredictionsJsonl {

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private QvhPredictionsJsonl() {
    }

    public static List<QvhPrediction> read(Path file) {
        List<QvhPrediction> predictions = new ArrayList<>();
        JsonLines.forEach(file, line -> predictions.add(parse(line.record(), line.fields())));
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

    private static QvhPrediction parse(JsonNode node, JsonFields fields) {
        String qid = fields.id(node, "qid");
        String vid = fields.textOr(node, "vid", "");
        String query = fields.textOr(node, "query", "");
        List<Moment> windows = null;
        JsonNode w = node.get("pred_relevant_windows");
        if (w != null) {
            if (!w.isArray()) {
                throw fields.error("pred_relevant_windows", "must be a list of [st, ed, score]");
            }
            windows = new ArrayList<>(w.size());
            for (int i = 0; i < w.size(); i++) {
                JsonNode row = w.get(i);
                if (!row.isArray() || row.size() < 3 || !row.get(0).isNumber() || !row.get(1).isNumber()
                        || !row.get(2).isNumber()) {
                    throw fields.error("pred_relevant_windows[" + i + "]", "must be [st, ed, score] numbers, got " + row);
                }
                windows.add(new Moment(vid, row.get(0).doubleValue(), row.get(1).doubleValue(), row.get(2).doubleValue()));
            }
        }
        List<Double> saliency = null;
        JsonNode s = node.get("pred_saliency_scores");
        if (s != null) {
            if (!s.isArray()) {
                throw fields.error("pred_saliency_scores", "must be a list of numbers");
            }
            saliency = new ArrayList<>(s.size());
            for (int i = 0; i < s.size(); i++) {
                saliency.add(fields.asNumber(s.get(i), "pred_saliency_scores[" + i + "]"));
            }
        }
        return new QvhPrediction(qid, query, vid, windows, saliency);
    }
}
