package org.momentgraph.eval.data;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.momentgraph.domain.DataFormatException;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        String name = file.toString();
        List<Annotation> annotations = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (!line.isBlank()) {
                    annotations.add(parse(name, lineNo, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return annotations;
    }

    /** The queries alone, for code that needs only ids, videos and windows. */
    public static List<Query> readQueries(Path file) {
        return read(file).stream().map(Annotation::query).toList();
    }

    private static Annotation parse(String file, long lineNo, String line) {
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
        String query = text(file, lineNo, node, "query");
        String vid = text(file, lineNo, node, "vid");
        JsonNode duration = node.get("duration");
        if (duration == null || !duration.isNumber() || !(duration.doubleValue() > 0)) {
            throw DataFormatException.atLine(file, lineNo, "duration", "missing or not a positive number");
        }
        boolean labelled = node.has("relevant_windows") || node.has("relevant_clip_ids") || node.has("saliency_scores");
        List<Span> spans = new ArrayList<>();
        List<Integer> clipIds = new ArrayList<>();
        List<List<Integer>> saliency = new ArrayList<>();
        if (labelled) {
            for (JsonNode w : array(file, lineNo, node, "relevant_windows")) {
                if (!w.isArray() || w.size() != 2 || !w.get(0).isNumber() || !w.get(1).isNumber()
                        || w.get(1).doubleValue() < w.get(0).doubleValue()) {
                    throw DataFormatException.atLine(file, lineNo, "relevant_windows", "each window must be [st, ed] with st <= ed, got " + w);
                }
                spans.add(new Span(w.get(0).doubleValue(), w.get(1).doubleValue()));
            }
            for (JsonNode id : array(file, lineNo, node, "relevant_clip_ids")) {
                if (!id.isIntegralNumber() || id.intValue() < 0) {
                    throw DataFormatException.atLine(file, lineNo, "relevant_clip_ids", "clip ids must be integers >= 0, got " + id);
                }
                clipIds.add(id.intValue());
            }
            int annotators = -1;
            for (JsonNode row : array(file, lineNo, node, "saliency_scores")) {
                if (!row.isArray() || row.isEmpty() || (annotators >= 0 && row.size() != annotators)) {
                    throw DataFormatException.atLine(file, lineNo, "saliency_scores",
                            "each entry must list one integer score per annotator, the same count for every clip; got " + row);
                }
                annotators = row.size();
                List<Integer> scores = new ArrayList<>(annotators);
                for (JsonNode s : row) {
                    if (!s.isIntegralNumber()) {
                        throw DataFormatException.atLine(file, lineNo, "saliency_scores", "scores must be integers, got " + s);
                    }
                    scores.add(s.intValue());
                }
                saliency.add(scores);
            }
            if (saliency.size() != clipIds.size()) {
                throw DataFormatException.atLine(file, lineNo, "saliency_scores", "has " + saliency.size()
                        + " entries but relevant_clip_ids has " + clipIds.size());
            }
        }
        Query q = new Query(qid.asText(), query, vid, duration.doubleValue(), spans, "");
        return new Annotation(q, clipIds, saliency, labelled);
    }

    private static String text(String file, long lineNo, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw DataFormatException.atLine(file, lineNo, field, "missing or not a string");
        }
        return v.asText();
    }

    private static JsonNode array(String file, long lineNo, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw DataFormatException.atLine(file, lineNo, field, "missing or not a list (a labelled record needs "
                    + "relevant_windows, relevant_clip_ids and saliency_scores)");
        }
        return v;
    }
}
