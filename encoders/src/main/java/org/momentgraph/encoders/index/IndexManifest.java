package org.momentgraph.encoders.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;

/**
 * {@code manifest.json} of a corpus index folder: the only file that says which data files make up
 * the index. It is written last and atomically, so a reader sees either the previous complete index
 * or the new one; data files it does not name are leftovers of an interrupted write.
 */
record IndexManifest(int formatVersion, int dim, String modelId, String modelFingerprint, long generation,
                     Map<String, Integer> extras, List<SegmentInfo> segments) {

    static final String FILE = "manifest.json";
    static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One immutable batch of videos; {@code deleted} holds sorted row numbers of removed videos (tombstones). */
    record SegmentInfo(String name, int videos, long clips, int[] deleted, Map<String, FileInfo> files) {
        int live() {
            return videos - deleted.length;
        }
    }

    /** Size and SHA-256 (hex) of one data file. */
    record FileInfo(long bytes, String sha256) {
    }

    IndexManifest {
        extras = Map.copyOf(extras);
        segments = List.copyOf(segments);
    }

    /** Number of live (not removed) videos. */
    int count() {
        return segments.stream().mapToInt(SegmentInfo::live).sum();
    }

    IndexManifest withSegments(long newGeneration, List<SegmentInfo> newSegments) {
        return new IndexManifest(formatVersion, dim, modelId, modelFingerprint, newGeneration, extras, newSegments);
    }

    void write(Path dir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", formatVersion);
        root.put("dim", dim);
        root.putObject("model").put("id", modelId).put("fingerprint", modelFingerprint);
        root.put("generation", generation);
        root.put("count", count());
        ObjectNode ex = root.putObject("extras");
        extras.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> ex.put(e.getKey(), e.getValue()));
        ArrayNode segs = root.putArray("segments");
        for (SegmentInfo s : segments) {
            ObjectNode o = segs.addObject();
            o.put("name", s.name()).put("videos", s.videos()).put("clips", s.clips());
            ArrayNode del = o.putArray("deleted");
            Arrays.stream(s.deleted()).forEach(del::add);
            ObjectNode files = o.putObject("files");
            s.files().forEach((name, f) -> files.putObject(name).put("bytes", f.bytes()).put("sha256", f.sha256()));
        }
        AtomicFiles.write(dir.resolve(FILE), out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }

    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    static IndexManifest read(Path dir) {
        Path file = dir.resolve(FILE);
        String name = file.toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new DataFormatException(name, "$", null, "not readable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(name, "$", null, "expected a JSON object");
        }
        int version = (int) integer(name, root, "$", "formatVersion", 1, Integer.MAX_VALUE);
        if (version != FORMAT_VERSION) {
            throw new DataFormatException(name, "$", "formatVersion",
                    "unsupported format version " + version + " (this build reads " + FORMAT_VERSION + ")");
        }
        int dim = (int) integer(name, root, "$", "dim", 1, Integer.MAX_VALUE);
        JsonNode model = object(name, root, "$", "model");
        String modelId = text(name, model, "$.model", "id");
        String fingerprint = text(name, model, "$.model", "fingerprint");
        long generation = integer(name, root, "$", "generation", 0, Long.MAX_VALUE);
        Map<String, Integer> extras = new LinkedHashMap<>();
        JsonNode ex = object(name, root, "$", "extras");
        for (Iterator<String> it = ex.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            extras.put(key, (int) integer(name, ex, "$.extras", key, 1, Integer.MAX_VALUE));
        }
        JsonNode segs = root.get("segments");
        if (segs == null || !segs.isArray()) {
            throw new DataFormatException(name, "$", "segments", "expected an array");
        }
        List<SegmentInfo> segments = new ArrayList<>();
        for (int i = 0; i < segs.size(); i++) {
            segments.add(segment(name, segs.get(i), "$.segments[" + i + "]"));
        }
        IndexManifest m = new IndexManifest(version, dim, modelId, fingerprint, generation, extras, segments);
        long count = integer(name, root, "$", "count", 0, Long.MAX_VALUE);
        if (count != m.count()) {
            throw new DataFormatException(name, "$", "count", "says " + count + " videos but the segments hold " + m.count());
        }
        return m;
    }

    private static SegmentInfo segment(String file, JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new DataFormatException(file, path, null, "expected an object");
        }
        String name = text(file, node, path, "name");
        int videos = (int) integer(file, node, path, "videos", 0, Integer.MAX_VALUE);
        long clips = integer(file, node, path, "clips", 0, Long.MAX_VALUE);
        JsonNode del = node.get("deleted");
        if (del == null || !del.isArray()) {
            throw new DataFormatException(file, path, "deleted", "expected an array of row numbers");
        }
        int[] deleted = new int[del.size()];
        for (int k = 0; k < deleted.length; k++) {
            JsonNode d = del.get(k);
            if (!d.canConvertToInt() || d.asInt() < 0 || d.asInt() >= videos || (k > 0 && d.asInt() <= deleted[k - 1])) {
                throw new DataFormatException(file, path + ".deleted[" + k + "]", "deleted",
                        "expected increasing row numbers in [0, " + videos + "): " + d);
            }
            deleted[k] = d.asInt();
        }
        JsonNode filesNode = object(file, node, path, "files");
        Map<String, FileInfo> files = new LinkedHashMap<>();
        for (Iterator<String> it = filesNode.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            String fp = path + ".files." + f;
            JsonNode fn = object(file, filesNode, path + ".files", f);
            String sha = text(file, fn, fp, "sha256");
            if (!sha.matches("[0-9a-f]{64}")) {
                throw new DataFormatException(file, fp, "sha256", "expected 64 lower-case hex digits: " + sha);
            }
            files.put(f, new FileInfo(integer(file, fn, fp, "bytes", 0, Long.MAX_VALUE), sha));
        }
        return new SegmentInfo(name, videos, clips, deleted, files);
    }

    private static JsonNode object(String file, JsonNode parent, String path, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw new DataFormatException(file, path, field, "expected an object");
        }
        return n;
    }

    private static String text(String file, JsonNode parent, String path, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual() || n.asText().isEmpty()) {
            throw new DataFormatException(file, path, field, "expected a non-empty string");
        }
        return n.asText();
    }

    private static long integer(String file, JsonNode parent, String path, String field, long min, long max) {
        JsonNode n = parent.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw new DataFormatException(file, path, field, "expected an integer in [" + min + ", " + max + "]: " + n);
        }
        return n.asLong();
    }
}
