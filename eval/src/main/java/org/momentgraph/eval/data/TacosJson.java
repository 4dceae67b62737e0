package org.momentgraph.eval.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;

/**
 * TACoS annotation files as VSLNet distributes them (train.json, val.json, test.json): an object
 * from video name to {@code {"timestamps": [[f1, f2], ...], "sentences": [...], "fps": 29.4,
 * "num_frames": 7346}}, times in frames. Queries get id {@code <video>:<index>}, times in seconds
 * ({@code frame / fps}) and duration {@code num_frames / fps}. As in VSLNet's own loader, an end
 * frame past the last frame (48 of the 18,227 released queries) is clamped to the duration.
 */
public final class TacosJson {

    private TacosJson() {
    }

    /** All queries of {@code path}, video by video in file order. */
    public static List<Query> read(Path path) {
        List<Query> queries = new ArrayList<>();
        Set<String> videos = new HashSet<>();
        JsonRecords.forEachInObject(path, (video, record, fields) -> {
            if (!videos.add(video)) {
                throw fields.error(null, "duplicate video " + JsonFields.quote(video));
            }
            queries.addAll(parse(video, fields.requireObject(record), fields));
        });
        return queries;
    }

    private static List<Query> parse(String video, JsonNode record, JsonFields fields) {
        double fps = fields.finiteNumber(record, "fps");
        if (fps <= 0) {
            throw fields.error("fps", "expected a number > 0, got " + fps);
        }
        double frames = fields.nonNegativeNumber(record, "num_frames");
        double duration = frames / fps;
        JsonNode timestamps = fields.array(record, "timestamps");
        JsonNode sentences = fields.array(record, "sentences");
        if (timestamps.size() != sentences.size()) {
            throw fields.error("timestamps", "expected as many timestamps as sentences, got "
                    + timestamps.size() + " timestamps and " + sentences.size() + " sentences");
        }
        List<Query> queries = new ArrayList<>(timestamps.size());
        for (int i = 0; i < timestamps.size(); i++) {
            JsonNode pair = timestamps.get(i);
            String field = "timestamps[" + i + "]";
            if (!pair.isArray() || pair.size() != 2) {
                throw fields.error(field, "expected [start frame, end frame], got " + JsonFields.describe(pair));
            }
            double first = fields.asFinite(pair.get(0), field + "[0]");
            double last = fields.asFinite(pair.get(1), field + "[1]");
            if (first < 0 || last < first) {
                throw fields.error(field, "expected 0 <= start frame <= end frame, got [" + first + ", " + last + "]");
            }
            JsonNode sentence = sentences.get(i);
            if (!sentence.isTextual() || sentence.textValue().isBlank()) {
                throw fields.error("sentences[" + i + "]", "expected a non-blank string, got " + JsonFields.describe(sentence));
            }
            double end = Math.min(last / fps, duration);
            double start = Math.min(first / fps, end);
            queries.add(new Query(video + ":" + i, sentence.textValue().trim(), video, duration,
                    List.of(new Span(start, end)), ""));
        }
        return queries;
    }
}
