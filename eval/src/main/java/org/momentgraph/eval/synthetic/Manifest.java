package org.momentgraph.eval.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.momentgraph.domain.AtomicFiles;

/**
 * manifest.json: the generator version, every parameter (enough to regenerate the corpus) and the
 * counts. It holds no timestamp, so the same config gives the same bytes.
 */
final class Manifest {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Manifest() {
    }

    static void write(Path file, SyntheticConfig c, CorpusCounts n) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generator", "momentgraph-synthetic");
        root.put("generator_version", SyntheticConfig.GENERATOR_VERSION);
        root.put("seed", c.seed());
        root.put("videos", c.videos());
        root.put("features_only", c.featuresOnly());
        root.put("subtitles", c.subtitles());
        root.put("fps", c.fps());
        root.put("min_duration", c.minDuration());
        root.put("max_duration", c.maxDuration());
        root.put("distractor_bias", c.distractorBias());
        root.put("sequence_rate", c.sequenceRate());
        ObjectNode noise = root.putObject("noise");
        noise.put("jitter", c.noise().jitter());
        noise.put("miss", c.noise().missRate());
        noise.put("fp", c.noise().falsePositives());
        noise.put("confusion", c.noise().labelConfusion());
        ObjectNode f = root.putObject("features");
        f.put("dim", c.features().dim());
        f.put("clip_length", c.features().clipLength());
        f.put("scene_weight", c.features().sceneWeight());
        f.put("object_weight", c.features().objectWeight());
        f.put("interaction_weight", c.features().interactionWeight());
        f.put("noise", c.features().noise());
        ObjectNode files = root.putObject("files");
        for (String split : Splits.NAMES) {
            files.put("queries_" + split, CorpusFiles.queries(split));
        }
        files.put("videos", CorpusFiles.VIDEOS);
        files.put("features", c.featuresOnly() ? CorpusFiles.FEATURES_NPY : CorpusFiles.FEATURES_H5);
        if (!c.featuresOnly()) {
            files.put("detections", CorpusFiles.DETECTIONS);
        }
        if (c.subtitles()) {
            files.put("subtitles", CorpusFiles.SUBTITLES);
        }
        ObjectNode counts = root.putObject("counts");
        put(counts.putObject("videos"), n.videosBySplit);
        put(counts.putObject("queries"), n.queriesBySplit);
        put(counts.putObject("difficulty"), n.difficulty);
        put(counts.putObject("query_type"), n.queryType);
        put(counts.putObject("interactions"), n.interactions);
        counts.put("events", n.events);
        counts.put("frames", n.frames);
        counts.put("detections", n.detections);
        counts.put("clips", n.clips);
        counts.put("subtitle_lines", n.subtitleLines);
        counts.put("video_seconds", Math.round(n.seconds * 100) / 100.0);
        AtomicFiles.writeString(file, root.toPrettyString() + "\n");
    }

    private static void put(ObjectNode node, Map<String, Long> values) {
        values.forEach(node::put);
    }
}
