package org.momentgraph.encoders.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.index.IndexManifest.FileInfo;
import org.momentgraph.encoders.index.IndexManifest.SegmentInfo;

/**
 * One immutable segment of a corpus index, opened for reading: a JSON-lines table of its videos
 * (small, on the heap) and memory-mapped float32 files for video vectors {@code [videos, D]}, clip
 * vectors {@code [clips, D]} and each extra per-clip array {@code [clips, W]}.
 */
final class Segment {

    private static final ObjectMapper JSON = new ObjectMapper();

    final SegmentInfo info;
    final String[] ids;
    final double[] durations;
    final double[] clipLengths;
    final int[] clipCounts;
    /** First clip row of each video in {@link #clips}. */
    final long[] clipStart;
    final BitSet deleted = new BitSet();
    final FloatStore videos;
    final FloatStore clips;
    final Map<String, FloatStore> extras = new LinkedHashMap<>();

    static String metaFile(String segment) {
        return segment + "-meta.jsonl";
    }

    static String videosFile(String segment) {
        return segment + "-videos.f32";
    }

    static String clipsFile(String segment) {
        return segment + "-clips.f32";
    }

    static String extraFile(String segment, String extra) {
        return segment + "-x-" + extra + ".f32";
    }

    private Segment(Path dir, IndexManifest manifest, SegmentInfo info, boolean verifyChecksums) {
        this.info = info;
        for (int row : info.deleted()) {
            deleted.set(row);
        }
        Path meta = checked(dir, info, metaFile(info.name()), verifyChecksums);
        int n = info.videos();
        ids = new String[n];
        durations = new double[n];
        clipLengths = new double[n];
        clipCounts = new int[n];
        clipStart = new long[n];
        readMeta(meta, n, info.clips());
        videos = FloatStore.map(checked(dir, info, videosFile(info.name()), verifyChecksums), manifest.dim(), n);
        clips = FloatStore.map(checked(dir, info, clipsFile(info.name()), verifyChecksums), manifest.dim(), info.clips());
        for (Map.Entry<String, Integer> e : manifest.extras().entrySet()) {
            Path f = checked(dir, info, extraFile(info.name(), e.getKey()), verifyChecksums);
            extras.put(e.getKey(), FloatStore.map(f, e.getValue(), info.clips()));
        }
    }

    static Segment open(Path dir, IndexManifest manifest, SegmentInfo info, boolean verifyChecksums) {
        return new Segment(dir, manifest, info, verifyChecksums);
    }

    IndexedVideo video(int row) {
        return new IndexedVideo(ids[row], durations[row], clipLengths[row], clipCounts[row]);
    }

    long mappedBytes() {
        return videos.bytes() + clips.bytes() + extras.values().stream().mapToLong(FloatStore::bytes).sum();
    }

    private void readMeta(Path meta, int n, long totalClips) {
        String file = meta.toString();
        long next = 0;
        int row = 0;
        try (BufferedReader in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                long lineNo = row + 1L;
                if (row >= n) {
                    throw DataFormatException.atLine(file, lineNo, null, "more videos than the manifest's " + n);
                }
                JsonNode o;
                try {
                    o = JSON.readTree(line);
                } catch (IOException e) {
                    throw DataFormatException.atLine(file, lineNo, null, "not JSON: " + e.getMessage());
                }
                JsonNode id = o == null ? null : o.get("id");
                if (id == null || !id.isTextual() || id.asText().isBlank()) {
                    throw DataFormatException.atLine(file, lineNo, "id", "expected a non-blank string");
                }
                ids[row] = id.asText();
                durations[row] = positive(file, lineNo, o, "duration");
                clipLengths[row] = positive(file, lineNo, o, "clipLength");
                JsonNode c = o.get("clips");
                if (c == null || !c.canConvertToInt() || !c.isIntegralNumber() || c.asInt() <= 0) {
                    throw DataFormatException.atLine(file, lineNo, "clips", "expected a positive integer: " + c);
                }
                clipCounts[row] = c.asInt();
                clipStart[row] = next;
                next += clipCounts[row];
                row++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (row != n || next != totalClips) {
            throw new DataFormatException(file, "end", null, "holds " + row + " videos with " + next
                    + " clips; the manifest says " + n + " videos with " + totalClips + " clips");
        }
    }

    private static double positive(String file, long line, JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) {
            throw DataFormatException.atLine(file, line, field, "expected a positive number: " + v);
        }
        return v.asDouble();
    }

    /** The data file {@code name}, after checking that the manifest lists it and its size (and checksum) match. */
    private static Path checked(Path dir, SegmentInfo info, String name, boolean verifyChecksum) {
        Path file = dir.resolve(name);
        FileInfo expected = info.files().get(name);
        if (expected == null) {
            throw new DataFormatException(dir.resolve(IndexManifest.FILE).toString(), "$.segments[name=" + info.name() + "].files",
                    name, "required data file is not listed");
        }
        try {
            if (!Files.isRegularFile(file)) {
                throw new DataFormatException(file.toString(), "file", null, "missing (listed in " + IndexManifest.FILE + ")");
            }
            long size = Files.size(file);
            if (size != expected.bytes()) {
                throw new DataFormatException(file.toString(), "size", null,
                        "is " + size + " bytes, " + IndexManifest.FILE + " says " + expected.bytes() + " (truncated or replaced)");
            }
            if (verifyChecksum) {
                String actual = sha256(file);
                if (!actual.equals(expected.sha256())) {
                    throw new DataFormatException(file.toString(), "sha256", null,
                            "checksum mismatch: file has " + actual + ", " + IndexManifest.FILE + " says " + expected.sha256() + " (corrupt)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = FloatStoreWriter.newSha256();
        ByteBuffer buf = ByteBuffer.allocate(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
