package org.momentgraph.eval.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;

/**
 * Reads QVHighlights annotation files (JSON lines):
 * {@code {"qid": 8737, "query": "...", "duration": 126, "vid": "bP5KfdFJzC4_660.0_810.0",
 * "relevant_windows": [[0, 16]], "relevant_clip_ids": [0, 1, ...], "saliency_scores": [[4, 1, 1], ...]}}.
 * The test split has no relevant_windows, relevant_clip_ids or saliency_scores; such records come back
 * with {@link Annotation#labelled()} false and no spans.
 */
public final class QvhighlightsJsonl {

    /** QVHighlights clips are 2 s long; relevant_clip_ids count in them. */
    public static final double CLIP_LENGTH = 2.0;

    /**
     * One annotated query.
     *
     * @param query            id = qid, spans = relevant_windows, type ""
     * @param relevantClipIds  indices of the 2 s clips inside the windows
     * @param saliencyScores   per relevant clip, one score in 0..4 from each annotator (3 in QVHighlights)
     * @param labelled         false for test-split records, which carry none of the three label fields
     */
    public record Annotation(Query query, List<Integer> relevantClipIds, List<List<Integer>> saliencyScores,
            boolean labelled) {

        public Annotation {
            relevantClipIds = List.copyOf(relevantClipIds);
            saliencyScores = saliencyScores.stream().map(List::copyOf).toList();
        }
    }

    private QvhighlightsJsonl() {
    }

    public static List<Annotation> read(Path file) {
        List<Annotation> annotations = new ArrayList<>();
        JsonLines.forEach(file, line -> annotations.add(parse(line.record(), line.fields())));
        return annotations;
    }

    /** The queries alone, for code that needs only ids, videos and windows. */
    public static List<Query> readQueries(Path file) {
        return read(file).stream().map(Annotation::query).toList();
    }

    private static Annotation parse(JsonNode node, JsonFields fields) {
        String qid = fields.id(node, "qid");
        String query = fields.text(node, "query");
        String vid = fields.text(node, "vid");
        double duration = fields.finiteNumber(node, "duration");
        if (!(duration > 0)) {
            throw fields.error("duration", "expected a positive number, got " + duration);
        }
        boolean labelled = node.has("relevant_windows") || node.has("relevant_clip_ids") || node.has("saliency_scores");
        List<Span> spans = new ArrayList<>();
        List<Integer> clipIds = new ArrayList<>();
        List<List<Integer>> saliency = new ArrayList<>();
        if (labelled) {
            for (JsonNode w : labels(node, fields, "relevant_windows")) {
                if (!w.isArray() || w.size() != 2 || !w.get(0).isNumber() || !w.get(1).isNumber()
                        || w.get(1).doubleValue() < w.get(0).doubleValue()) {
                    throw fields.error("relevant_windows", "each window must be [st, ed] with st <= ed, got " + w);
                }
                spans.add(new Span(w.get(0).doubleValue(), w.get(1).doubleValue()));
            }
            for (JsonNode id : labels(node, fields, "relevant_clip_ids")) {
                if (!id.isIntegralNumber() || id.intValue() < 0) {
                    throw fields.error("relevant_clip_ids", "clip ids must be integers >= 0, got " + id);
                }
                clipIds.add(id.intValue());
            }
            int annotators = -1;
            for (JsonNode row : labels(node, fields, "saliency_scores")) {
                if (!row.isArray() || row.isEmpty() || (annotators >= 0 && row.size() != annotators)) {
                    throw fields.error("saliency_scores",
                            "each entry must list one integer score per annotator, the same count for every clip; got " + row);
                }
                annotators = row.size();
                List<Integer> scores = new ArrayList<>(annotators);
                for (JsonNode s : row) {
                    if (!s.isIntegralNumber()) {
                        throw fields.error("saliency_scores", "scores must be integers, got " + s);
                    }
                    scores.add(s.intValue());
                }
                saliency.add(scores);
            }
            if (saliency.size() != clipIds.size()) {
                throw fields.error("saliency_scores", "has " + saliency.size()
                        + " entries but relevant_clip_ids has " + clipIds.size());
            }
        }
        Query q = new Query(qid, query, vid, duration, spans, "");
        return new Annotation(q, clipIds, saliency, labelled);
    }

    /** One of the three label lists, all required once a record has any of them. */
    private static JsonNode labels(JsonNode node, JsonFields fields, String field) {
        if (!node.has(field)) {
            throw fields.error(field, "missing (a labelled record needs relevant_windows, relevant_clip_ids and saliency_scores)");
        }
        return fields.array(node, field);
    }
}
