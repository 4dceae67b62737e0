package org.momentgraph.encoders.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.index.IndexManifest.SegmentInfo;

/**
 * A read-only snapshot of a corpus index folder (written by {@link CorpusIndexWriter}): for every
 * live video its metadata, a video vector {@code [D]}, per-clip vectors {@code [L, D]} and the extra
 * per-clip arrays. Vectors stay in memory-mapped files; the heap holds only the video table, so
 * opening is O(videos) in memory. Live videos are numbered 0..size()-1 ("ordinals") in storage order.
 *
 * <pre>{@code
 * try (CorpusIndex index = CorpusIndex.opener(dir).optExpectedModel(fingerprint).open()) {
 *     float[][] clips = index.clipVectors(index.ordinalOf("friends_s01e01").orElseThrow());
 * }
 * }</pre>
 *
 * <p>Thread safety: immutable; any number of threads may read it. A writer commit does not change
 * an open snapshot (data files are never rewritten in place); open again to see it.
 */
public final class CorpusIndex implements AutoCloseable {

    private final Path dir;
    private final IndexManifest manifest;
    private final List<Segment> segments;
    private final int[] segmentOf;
    private final int[] rowOf;
    private final Map<String, Integer> ordinalById;
    private final Map<String, int[]> ordinalOfRowBySegment = new HashMap<>();

    private CorpusIndex(Path dir, IndexManifest manifest, List<Segment> segments) {
        this.dir = dir;
        this.manifest = manifest;
        this.segments = segments;
        int n = manifest.count();
        segmentOf = new int[n];
        rowOf = new int[n];
        ordinalById = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
        int ord = 0;
        for (int s = 0; s < segments.size(); s++) {
            Segment seg = segments.get(s);
            int[] ordinalOfRow = new int[seg.ids.length];
            ordinalOfRowBySegment.put(seg.info.name(), ordinalOfRow);
            for (int row = 0; row < seg.ids.length; row++) {
                ordinalOfRow[row] = -1;
                if (seg.deleted.get(row)) {
                    continue;
                }
                if (ordinalById.putIfAbsent(seg.ids[row], ord) != null) {
                    throw new DataFormatException(dir.resolve(Segment.metaFile(seg.info.name())).toString(),
                            "line " + (row + 1), "id", "video id '" + seg.ids[row] + "' is live twice in the index");
                }
                ordinalOfRow[row] = ord;
                segmentOf[ord] = s;
                rowOf[ord] = row;
                ord++;
            }
        }
    }

    /** Opens {@code dir}, verifying every data file's size and SHA-256. */
    public static CorpusIndex open(Path dir) {
        return opener(dir).open();
    }

    public static Opener opener(Path dir) {
        return new Opener(dir);
    }

    public Path directory() {
        return dir;
    }

    public int dim() {
        return manifest.dim();
    }

    public String modelId() {
        return manifest.modelId();
    }

    public String modelFingerprint() {
        return manifest.modelFingerprint();
    }

    /** Increases with every commit; identifies this snapshot. */
    public long generation() {
        return manifest.generation();
    }

    /** Number of live videos. */
    public int size() {
        return segmentOf.length;
    }

    /** Extra per-clip arrays: name to width. */
    public Map<String, Integer> extras() {
        return manifest.extras();
    }

    public IndexedVideo video(int ordinal) {
        return segment(ordinal).video(rowOf[ordinal]);
    }

    public OptionalInt ordinalOf(String videoId) {
        Integer ord = ordinalById.get(videoId);
        return ord == null ? OptionalInt.empty() : OptionalInt.of(ord);
    }

    /** Ids of all live videos in ordinal order. */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(size());
        for (int ord = 0; ord < size(); ord++) {
            ids.add(segment(ord).ids[rowOf[ord]]);
        }
        return ids;
    }

    public float[] videoVector(int ordinal) {
        float[] v = new float[dim()];
        readVideoVector(ordinal, v);
        return v;
    }

    /** Copies the video vector into {@code out[0 .. dim)} (a bulk copy; no allocation). */
    public void readVideoVector(int ordinal, float[] out) {
        if (out.length < dim()) {
            throw new IllegalArgumentException("output holds " + out.length + " values, vectors have " + dim());
        }
        segment(ordinal).videos.read(rowOf[ordinal], out, 0);
    }

    /** Dot product of the video vector with {@code query}, read from the mapped file. */
    public float videoDot(int ordinal, float[] query) {
        checkQuery(query);
        return segment(ordinal).videos.dot(rowOf[ordinal], query);
    }

    /** Copies all live video vectors, in ordinal order, into a new flat {@code [size * dim]} array. */
    public float[] videoMatrix() {
        float[] flat = new float[Math.multiplyExact(size(), dim())];
        for (int ord = 0; ord < size(); ord++) {
            segment(ord).videos.read(rowOf[ord], flat, ord * dim());
        }
        return flat;
    }

    /** A copy of the per-clip vectors {@code [L, D]}. */
    public float[][] clipVectors(int ordinal) {
        return rows(ordinal, segment(ordinal).clips);
    }

    /** A copy of the extra per-clip array {@code name}, {@code [L, W]}. */
    public float[][] extra(int ordinal, String name) {
        FloatStore store = segment(ordinal).extras.get(name);
        if (store == null) {
            throw new IllegalArgumentException("no extra array '" + name + "' in " + dir + "; it has " + extras().keySet());
        }
        return rows(ordinal, store);
    }

    /**
     * Writes the dot product of each clip vector with {@code query} into {@code out[0 .. L)} and
     * returns L; reads the mapped file directly, copying nothing.
     */
    public int clipDots(int ordinal, float[] query, float[] out) {
        checkQuery(query);
        Segment seg = segment(ordinal);
        int row = rowOf[ordinal];
        int n = seg.clipCounts[row];
        if (out.length < n) {
            throw new IllegalArgumentException("output holds " + out.length + " values, video has " + n + " clips");
        }
        long first = seg.clipStart[row];
        for (int c = 0; c < n; c++) {
            out[c] = seg.clips.dot(first + c, query);
        }
        return n;
    }

    /**
     * A key naming the stored version of a video ("segment/row"): it changes when a video is
     * replaced or the index is compacted, so derived indexes (HNSW) can tell what to update.
     */
    public String versionKey(int ordinal) {
        return segment(ordinal).info.name() + "/" + rowOf[ordinal];
    }

    /** The ordinal of the live video stored under {@code key} (see {@link #versionKey}), or -1. */
    public int ordinalOfKey(String key) {
        int slash = key.lastIndexOf('/');
        int[] ordinalOfRow = slash < 0 ? null : ordinalOfRowBySegment.get(key.substring(0, slash));
        if (ordinalOfRow == null) {
            return -1;
        }
        try {
            int row = Integer.parseInt(key.substring(slash + 1));
            return row >= 0 && row < ordinalOfRow.length ? ordinalOfRow[row] : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Bytes of data files mapped into memory (virtual; the OS pages them in on use). */
    public long mappedBytes() {
        return segments.stream().mapToLong(Segment::mappedBytes).sum();
    }

    @Override
    public void close() {
        // mappings are released when the snapshot is garbage collected; nothing holds file handles
    }

    private Segment segment(int ordinal) {
        if (ordinal < 0 || ordinal >= size()) {
            throw new IndexOutOfBoundsException("ordinal " + ordinal + " of " + size() + " videos");
        }
        return segments.get(segmentOf[ordinal]);
    }

    private float[][] rows(int ordinal, FloatStore store) {
        Segment seg = segment(ordinal);
        int row = rowOf[ordinal];
        float[][] out = new float[seg.clipCounts[row]][store.width()];
        for (int c = 0; c < out.length; c++) {
            store.read(seg.clipStart[row] + c, out[c], 0);
        }
        return out;
    }

    private void checkQuery(float[] query) {
        if (query.length != dim()) {
            throw new IllegalArgumentException("query has dimension " + query.length + ", index " + dir + " has " + dim());
        }
    }

    /** Options for opening; every one has a safe default. */
    public static final class Opener {
        private final Path dir;
        private Integer expectedDim;
        private String expectedFingerprint;
        private boolean verifyChecksums = true;

        private Opener(Path dir) {
            this.dir = dir;
        }

        /** Fail unless the index holds vectors of this dimension. */
        public Opener optExpectedDim(int dim) {
            this.expectedDim = dim;
            return this;
        }

        /** Fail unless the index was built by the model with this fingerprint. */
        public Opener optExpectedModel(String fingerprint) {
            this.expectedFingerprint = fingerprint;
            return this;
        }

        /** Hash every data file on open (default); when false only sizes are checked, for fast opens of huge indexes. */
        public Opener optVerifyChecksums(boolean verify) {
            this.verifyChecksums = verify;
            return this;
        }

        public CorpusIndex open() {
            if (!IndexManifest.exists(dir)) {
                throw new DataFormatException(dir.resolve(IndexManifest.FILE).toString(), "file", null,
                        "missing: " + dir + " is not a corpus index folder");
            }
            IndexManifest m = IndexManifest.read(dir);
            String manifestFile = dir.resolve(IndexManifest.FILE).toString();
            if (expectedDim != null && expectedDim != m.dim()) {
                throw new DataFormatException(manifestFile, "$", "dim",
                        "index holds " + m.dim() + "-dimensional vectors, the model produces " + expectedDim);
            }
            if (expectedFingerprint != null && !expectedFingerprint.equals(m.modelFingerprint())) {
                throw new DataFormatException(manifestFile, "$.model", "fingerprint", "index was built by model '"
                        + m.modelId() + "' (" + m.modelFingerprint() + "), expected " + expectedFingerprint + "; re-encode the corpus");
            }
            List<Segment> segs = new ArrayList<>();
            for (SegmentInfo info : m.segments()) {
                segs.add(Segment.open(dir, m, info, verifyChecksums));
            }
            return new CorpusIndex(dir, m, segs);
        }
    }
}
