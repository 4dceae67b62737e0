package org.momentgraph.eval.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;
import org.momentgraph.domain.Video;
import org.momentgraph.eval.data.DetectionsJsonl;
import org.momentgraph.eval.data.JsonFields;
import org.momentgraph.eval.data.JsonLines;
import org.momentgraph.eval.data.TvrJsonl;
import org.momentgraph.eval.features.ClipFeatures;

/**
 * A generated corpus read back in one call: videos with their split, scene and ground-truth events,
 * queries per split, detections by video (empty for feature-only corpora), subtitles by video, and the
 * clip features (HDF5 or streamed npy, opened lazily). Close it to release the feature file.
 *
 * <pre>{@code
 * try (SyntheticCorpus corpus = SyntheticCorpus.load(Path.of("runs/synthetic"))) {
 *     List<Query> train = corpus.queries("train");
 *     float[][] clips = corpus.features().clips(train.get(0).videoId());
 * }
 * }</pre>
 */
public record SyntheticCorpus(Path dir, JsonNode manifest, List<VideoRecord> videos, Map<String, List<Query>> queriesBySplit,
        Map<String, List<FrameDetections>> detectionsByVideo, Map<String, List<SubtitleLine>> subtitlesByVideo,
        ClipFeatures features) implements AutoCloseable {

    /** One line of videos.jsonl. Entity names are actor names or category labels; events refer to them by index. */
    public record VideoRecord(Video video, String split, String scene, List<String> entityLabels, List<String> entityNames,
            List<EventRecord> events) {
    }

    /** A ground-truth event; subject/object/recipient index {@link VideoRecord#entityNames()}, -1 for none. */
    public record EventRecord(Interaction interaction, int subject, int object, int recipient, Span span) {
    }

    public static SyntheticCorpus load(Path dir) {
        Path manifestFile = dir.resolve(CorpusFiles.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new DataFormatException(manifestFile.toString(), "file", null,
                    "no manifest.json: not a generated corpus, or its generation did not finish");
        }
        JsonNode manifest;
        try {
            manifest = Manifest.MAPPER.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new DataFormatException(manifestFile.toString(), "$", null, "not JSON: " + e.getMessage(), e);
        }
        List<VideoRecord> videos = new ArrayList<>();
        JsonLines.forEach(dir.resolve(CorpusFiles.VIDEOS), line -> videos.add(video(line.record(), line.fields())));
        Map<String, List<Query>> queries = new LinkedHashMap<>();
        for (String split : Splits.NAMES) {
            queries.put(split, List.copyOf(TvrJsonl.read(dir.resolve(CorpusFiles.queries(split)))));
        }
        Path detectionsFile = dir.resolve(CorpusFiles.DETECTIONS);
        Map<String, List<FrameDetections>> detections = Files.isRegularFile(detectionsFile)
                ? DetectionsJsonl.readByVideo(detectionsFile) : Map.of();
        Map<String, List<SubtitleLine>> subtitles = new LinkedHashMap<>();
        Path subtitlesFile = dir.resolve(CorpusFiles.SUBTITLES);
        if (Files.isRegularFile(subtitlesFile)) {
            JsonLines.forEach(subtitlesFile, line -> {
                String id = line.fields().nonBlankText(line.record(), "vid_name");
                List<SubtitleLine> lines = new ArrayList<>();
                JsonNode sub = line.fields().array(line.record(), "sub");
                for (int i = 0; i < sub.size(); i++) {
                    JsonFields at = line.fields().nested("sub[" + i + "]");
                    JsonNode s = at.requireObject(sub.get(i));
                    lines.add(new SubtitleLine(at.nonNegativeNumber(s, "start"), at.nonNegativeNumber(s, "end"), at.text(s, "text")));
                }
                subtitles.put(id, List.copyOf(lines));
            });
        }
        Path h5 = dir.resolve(CorpusFiles.FEATURES_H5);
        ClipFeatures features = ClipFeatures.open(Files.isRegularFile(h5) ? h5 : dir.resolve(CorpusFiles.FEATURES_NPY));
        return new SyntheticCorpus(dir, manifest, List.copyOf(videos), Map.copyOf(queries), detections, subtitles, features);
    }

    private static VideoRecord video(JsonNode r, JsonFields f) {
        String id = f.nonBlankText(r, "id");
        double duration = f.nonNegativeNumber(r, "duration");
        double clip = f.nonNegativeNumber(r, "clip_length");
        if (!(duration > 0) || !(clip > 0)) {
            throw f.error("duration", "duration and clip_length must be positive");
        }
        String split = f.nonBlankText(r, "split");
        if (!Splits.NAMES.contains(split)) {
            throw f.error("split", "expected one of " + Splits.NAMES + ", got " + split);
        }
        List<String> labels = new ArrayList<>();
        List<String> names = new ArrayList<>();
        JsonNode entities = f.array(r, "entities");
        for (int i = 0; i < entities.size(); i++) {
            JsonFields at = f.nested("entities[" + i + "]");
            JsonNode e = at.requireObject(entities.get(i));
            labels.add(at.nonBlankText(e, "label"));
            names.add(at.nonBlankText(e, "name"));
        }
        List<EventRecord> events = new ArrayList<>();
        JsonNode evs = f.array(r, "events");
        for (int i = 0; i < evs.size(); i++) {
            JsonFields at = f.nested("events[" + i + "]");
            JsonNode e = at.requireObject(evs.get(i));
            Interaction in;
            try {
                in = Interaction.ofId(at.nonBlankText(e, "interaction"));
            } catch (IllegalArgumentException ex) {
                throw at.error("interaction", "unknown interaction " + e.get("interaction"));
            }
            double start = at.nonNegativeNumber(e, "start");
            double end = at.nonNegativeNumber(e, "end");
            if (end < start || end > duration + 1e-6) {
                throw at.error("end", "event [" + start + ", " + end + "] does not fit the video's " + duration + " s");
            }
            events.add(new EventRecord(in, index(at, e, "subject", names.size()), index(at, e, "object", names.size()),
                    e.has("recipient") ? index(at, e, "recipient", names.size()) : -1, new Span(start, end)));
        }
        return new VideoRecord(new Video(id, duration, clip), split, f.text(r, "scene"), List.copyOf(labels), List.copyOf(names),
                List.copyOf(events));
    }

    private static int index(JsonFields at, JsonNode e, String field, int size) {
        double v = at.number(e, field);
        if (v != Math.rint(v) || v < 0 || v >= size) {
            throw at.error(field, "expected an entity index in [0, " + size + "), got " + v);
        }
        return (int) v;
    }

    /** The queries of "train", "val" or "test". */
    public List<Query> queries(String split) {
        List<Query> q = queriesBySplit.get(split);
        if (q == null) {
            throw new IllegalArgumentException("no split " + split + "; splits are " + Splits.NAMES);
        }
        return q;
    }

    @Override
    public void close() {
        features.close();
    }
}
