package org.momentgraph.eval.synthetic;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.eval.data.DetectionsJsonl;
import org.momentgraph.eval.data.JsonlWriter;
import org.momentgraph.eval.data.TvrJsonl;
import org.momentgraph.eval.features.Hdf5Features;
import org.momentgraph.eval.features.NpyStreamWriter;

/**
 * Generates a corpus and writes it to a folder, one video at a time: queries as TVR JSON Lines per split,
 * detections as MomentGraph detections JSONL, features as TVR-style HDF5 (or, for feature-only corpora,
 * one streamed npy with an index), videos.jsonl with the ground-truth events, subtitles.jsonl and a
 * manifest.json written last. Every file appears atomically; a failure leaves none half-written.
 * Memory is one video at a time, except that HDF5 (full corpora) is written in one go at the end, so full
 * corpora hold their feature matrices (about clips x dim x 4 bytes per video) until then.
 */
public final class CorpusWriter {

    /** Called after each video with the number done so far and the seconds since the start. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, double seconds);
    }

    private CorpusWriter() {
    }

    /** Writes the corpus and returns the counts that also go into the manifest. */
    public static CorpusCounts write(SyntheticConfig config, Path dir, Progress progress) {
        long start = System.nanoTime();
        CorpusCounts counts = new CorpusCounts();
        Map<String, JsonlWriter> queryFiles = new LinkedHashMap<>();
        Map<String, float[][]> h5 = config.featuresOnly() ? null : new LinkedHashMap<>();
        JsonlWriter videos = JsonlWriter.open(dir.resolve(CorpusFiles.VIDEOS));
        JsonlWriter subtitles = config.subtitles() ? JsonlWriter.open(dir.resolve(CorpusFiles.SUBTITLES)) : null;
        DetectionsJsonl.Writer detections = config.featuresOnly() ? null : DetectionsJsonl.writer(dir.resolve(CorpusFiles.DETECTIONS));
        NpyStreamWriter npy = config.featuresOnly()
                ? NpyStreamWriter.create(dir.resolve(CorpusFiles.FEATURES_NPY), config.features().dim()) : null;
        for (String split : Splits.NAMES) {
            queryFiles.put(split, JsonlWriter.open(dir.resolve(CorpusFiles.queries(split))));
        }
        boolean ok = false;
        try {
            for (SyntheticVideo v : new SyntheticGenerator(config)) {
                videos.write(json -> writeVideo(json, v));
                for (Query q : v.queries()) {
                    queryFiles.get(v.split()).write(json -> TvrJsonl.writeFields(json, q));
                }
                if (subtitles != null) {
                    subtitles.write(json -> writeSubtitles(json, v));
                }
                if (detections != null) {
                    for (FrameDetections f : v.frames()) {
                        detections.write(f);
                    }
                }
                if (npy != null) {
                    npy.append(v.video(), v.features());
                } else {
                    h5.put(v.id(), v.features());
                }
                counts.add(v);
                progress.update(v.index() + 1, config.videos(), (System.nanoTime() - start) / 1e9);
            }
            ok = true;
        } finally {
            closeAll(ok, videos, subtitles, detections, npy, queryFiles);
        }
        if (h5 != null) {
            Hdf5Features.write(dir.resolve(CorpusFiles.FEATURES_H5), h5);
        }
        Manifest.write(dir.resolve(CorpusFiles.MANIFEST), config, counts);
        return counts;
    }

    private static void closeAll(boolean ok, JsonlWriter videos, JsonlWriter subtitles,
            DetectionsJsonl.Writer detections, NpyStreamWriter npy, Map<String, JsonlWriter> queryFiles) {
        if (!ok) {
            videos.abort();
            queryFiles.values().forEach(JsonlWriter::abort);
            if (subtitles != null) {
                subtitles.abort();
            }
            if (detections != null) {
                detections.abort();
            }
            if (npy != null) {
                npy.abort();
            }
        }
        videos.close();
        queryFiles.values().forEach(JsonlWriter::close);
        if (subtitles != null) {
            subtitles.close();
        }
        if (detections != null) {
            detections.close();
        }
        if (npy != null && ok) {
            npy.close();
        }
    }

    private static void writeVideo(JsonGenerator json, SyntheticVideo v) throws IOException {
        json.writeStringField("id", v.id());
        json.writeNumberField("duration", v.video().duration());
        json.writeNumberField("clip_length", v.video().clipLength());
        json.writeStringField("split", v.split());
        json.writeStringField("scene", v.scene());
        json.writeArrayFieldStart("entities");
        for (Entity e : v.entities()) {
            json.writeStartObject();
            json.writeStringField("label", e.category().label());
            json.writeStringField("name", e.name());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("events");
        for (Event e : v.events()) {
            json.writeStartObject();
            json.writeStringField("interaction", e.interaction().id());
            json.writeNumberField("subject", e.subject());
            json.writeNumberField("object", e.object());
            if (e.recipient() >= 0) {
                json.writeNumberField("recipient", e.recipient());
            }
            if (e.support() >= 0) {
                json.writeNumberField("support", e.support());
            }
            json.writeNumberField("start", e.span().start());
            json.writeNumberField("end", e.span().end());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** TVR's subtitle layout: {"vid_name": ..., "sub": [{"start", "end", "text"}]}. */
    private static void writeSubtitles(JsonGenerator json, SyntheticVideo v) throws IOException {
        json.writeStringField("vid_name", v.id());
        json.writeArrayFieldStart("sub");
        for (SubtitleLine line : v.subtitles()) {
            json.writeStartObject();
            json.writeNumberField("start", line.start());
            json.writeNumberField("end", line.end());
            json.writeStringField("text", line.text());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
