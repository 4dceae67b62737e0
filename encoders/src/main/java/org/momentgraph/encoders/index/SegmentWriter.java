package org.momentgraph.encoders.index;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.encoders.index.IndexManifest.FileInfo;

/**
 * Streams one new segment to hidden temporary files, one video at a time; {@link #finish} renames
 * them to their final names. Memory use is the id table and a few stream buffers.
 */
final class SegmentWriter implements AutoCloseable {

    private final Path dir;
    private final String name;
    private final int dim;
    private final Map<String, Integer> extraWidths;
    private final MessageDigest metaSha = FloatStoreWriter.newSha256();
    private final JsonGenerator meta;
    private final Path metaTmp;
    private final FloatStoreWriter videos;
    private final FloatStoreWriter clips;
    private final Map<String, FloatStoreWriter> extras = new LinkedHashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> rowById = new HashMap<>();
    final BitSet deleted = new BitSet();

    SegmentWriter(Path dir, String name, int dim, Map<String, Integer> extraWidths) throws IOException {
        this.dir = dir;
        this.name = name;
        this.dim = dim;
        this.extraWidths = extraWidths;
        metaTmp = tmp(Segment.metaFile(name));
        meta = new JsonFactory().createGenerator(new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(metaTmp)), metaSha));
        meta.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        videos = new FloatStoreWriter(tmp(Segment.videosFile(name)), dim);
        clips = new FloatStoreWriter(tmp(Segment.clipsFile(name)), dim);
        for (Map.Entry<String, Integer> e : extraWidths.entrySet()) {
            extras.put(e.getKey(), new FloatStoreWriter(tmp(Segment.extraFile(name, e.getKey())), e.getValue()));
        }
    }

    String name() {
        return name;
    }

    int videos() {
        return ids.size();
    }

    /** Row of a live (not removed) video added to this segment, or -1. */
    int liveRow(String id) {
        Integer row = rowById.get(id);
        return row == null || deleted.get(row) ? -1 : row;
    }

    void add(VideoEncoding e) throws IOException {
        String id = e.video().id();
        if (!e.extras().keySet().equals(extraWidths.keySet())) {
            throw new IllegalArgumentException("video " + id + " has extras " + e.extras().keySet()
                    + ", the index stores exactly " + extraWidths.keySet());
        }
        if (liveRow(id) >= 0) {
            throw new IllegalArgumentException("video " + id + " was already added in this batch");
        }
        checkWidths(e);
        videos.writeRow(e.videoVector(), "video vector of " + id);
        for (int c = 0; c < e.clipVectors().length; c++) {
            clips.writeRow(e.clipVectors()[c], "clip vector " + c + " of " + id);
        }
        for (Map.Entry<String, FloatStoreWriter> x : extras.entrySet()) {
            float[][] rows = e.extras().get(x.getKey());
            for (int c = 0; c < rows.length; c++) {
                x.getValue().writeRow(rows[c], "extra '" + x.getKey() + "' row " + c + " of " + id);
            }
        }
        meta.writeStartObject();
        meta.writeStringField("id", id);
        meta.writeNumberField("duration", e.video().duration());
        meta.writeNumberField("clipLength", e.video().clipLength());
        meta.writeNumberField("clips", e.clipVectors().length);
        meta.writeEndObject();
        rowById.put(id, ids.size());
        ids.add(id);
    }

    long clips() {
        return clips.rows();
    }

    /**
     * Closes the temporary files and renames each to its final name, calling {@code onFileWritten}
     * after each; returns the files' sizes and checksums for the manifest.
     */
    Map<String, FileInfo> finish(Consumer<Path> onFileWritten) throws IOException {
        meta.writeRaw('\n');
        meta.close();
        Map<String, FileInfo> files = new LinkedHashMap<>();
        publish(Segment.metaFile(name), HexFormat.of().formatHex(metaSha.digest()), files, onFileWritten);
        publish(Segment.videosFile(name), videos.finish(), files, onFileWritten);
        publish(Segment.clipsFile(name), clips.finish(), files, onFileWritten);
        for (Map.Entry<String, FloatStoreWriter> x : extras.entrySet()) {
            publish(Segment.extraFile(name, x.getKey()), x.getValue().finish(), files, onFileWritten);
        }
        return files;
    }

    /** Closes the streams and deletes temporary files that were not renamed (all of them unless finished). */
    @Override
    public void close() throws IOException {
        meta.close();
        videos.close();
        clips.close();
        for (FloatStoreWriter w : extras.values()) {
            w.close();
        }
        Files.deleteIfExists(metaTmp);
        Files.deleteIfExists(videos.file());
        Files.deleteIfExists(clips.file());
        for (FloatStoreWriter w : extras.values()) {
            Files.deleteIfExists(w.file());
        }
    }

    private void checkWidths(VideoEncoding e) {
        String id = e.video().id();
        if (e.videoVector().length != dim) {
            throw new IllegalArgumentException("video vector of " + id + " has length " + e.videoVector().length + ", index dim is " + dim);
        }
        for (float[] row : e.clipVectors()) {
            if (row.length != dim) {
                throw new IllegalArgumentException("a clip vector of " + id + " has length " + row.length + ", index dim is " + dim);
            }
        }
        for (Map.Entry<String, float[][]> x : e.extras().entrySet()) {
            for (float[] row : x.getValue()) {
                if (row.length != extraWidths.get(x.getKey())) {
                    throw new IllegalArgumentException("extra '" + x.getKey() + "' of " + id + " has width " + row.length
                            + ", expected " + extraWidths.get(x.getKey()));
                }
            }
        }
    }

    private void publish(String finalName, String sha, Map<String, FileInfo> files, Consumer<Path> onFileWritten) throws IOException {
        Path target = dir.resolve(finalName);
        Path source = tmp(finalName);
        long bytes = Files.size(source);
        AtomicFiles.move(source, target);
        files.put(finalName, new FileInfo(bytes, sha));
        onFileWritten.accept(target);
    }

    private Path tmp(String finalName) {
        return dir.resolve("." + finalName + ".tmp");
    }
}
