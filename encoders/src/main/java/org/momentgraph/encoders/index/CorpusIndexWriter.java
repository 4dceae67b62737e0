package org.momentgraph.encoders.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.index.IndexManifest.FileInfo;
import org.momentgraph.encoders.index.IndexManifest.SegmentInfo;

/**
 * Adds and removes videos of a corpus index folder. Added videos stream into a new segment
 * (append-only files); removals are tombstones; {@link #commit} publishes both by atomically
 * replacing {@code manifest.json} last, so a crash at any point leaves the previous complete index.
 * {@link #compact} rewrites the live videos into one segment and drops removed ones.
 *
 * <pre>{@code
 * try (CorpusIndexWriter w = CorpusIndexWriter.builder(dir).optDim(256).optModel("mg-v1", fingerprint).build()) {
 *     w.add(encoding);          // adding an id that is already live replaces it on commit
 *     w.remove("old_video");
 *     w.commit();
 * }                             // closing without commit discards what was not committed
 * }</pre>
 *
 * <p>One writer per folder at a time (a lock file enforces it); not thread-safe.
 */
public final class CorpusIndexWriter implements AutoCloseable {

    static final String LOCK_FILE = "write.lock";

    private record Location(int segment, int row) {
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Consumer<Path> onFileWritten;
    private IndexManifest manifest;
    private final Map<String, Location> committedLive = new HashMap<>();
    private final Map<String, BitSet> pendingDeletes = new HashMap<>();
    private SegmentWriter pending;

    private CorpusIndexWriter(Builder b) throws IOException {
        dir = b.dir;
        onFileWritten = b.onFileWritten;
        Files.createDirectories(dir);
        lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            lockChannel.close();
            throw new IllegalStateException("another writer holds " + dir.resolve(LOCK_FILE));
        }
        lock = l;
        try {
            if (IndexManifest.exists(dir)) {
                manifest = IndexManifest.read(dir);
                checkConfig(b);
            } else {
                if (b.dim <= 0 || b.modelId == null || b.modelFingerprint == null) {
                    throw new IllegalArgumentException("a new index at " + dir + " needs optDim and optModel");
                }
                manifest = new IndexManifest(IndexManifest.FORMAT_VERSION, b.dim, b.modelId, b.modelFingerprint, 0,
                        b.extras, List.of());
                manifest.write(dir);
            }
            loadLiveIds();
            deleteUnreferencedFiles();
        } catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** Adds a video to the pending batch; if its id is live in the index, the new version replaces it on commit. */
    public CorpusIndexWriter add(VideoEncoding encoding) {
        try {
            if (pending == null) {
                pending = new SegmentWriter(dir, segmentName(manifest.generation() + 1), manifest.dim(), manifest.extras());
            }
            String id = encoding.video().id();
            pending.add(encoding);
            Location old = committedLive.get(id);
            if (old != null) {
                pendingDeletes.computeIfAbsent(manifest.segments().get(old.segment()).name(), k -> new BitSet()).set(old.row());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + dir + ": " + e.getMessage(), e);
        }
        return this;
    }

    /** Marks a video removed (pending until commit); false when no live video has this id. */
    public boolean remove(String videoId) {
        if (pending != null && pending.liveRow(videoId) >= 0) {
            pending.deleted.set(pending.liveRow(videoId));
            return true;
        }
        Location loc = committedLive.get(videoId);
        if (loc == null) {
            return false;
        }
        BitSet del = pendingDeletes.computeIfAbsent(manifest.segments().get(loc.segment()).name(), k -> new BitSet());
        boolean wasLive = !del.get(loc.row());
        del.set(loc.row());
        return wasLive;
    }

    /** Publishes pending additions and removals; returns the new generation (unchanged if nothing was pending). */
    public long commit() {
        if (pending == null && pendingDeletes.isEmpty()) {
            return manifest.generation();
        }
        try {
            List<SegmentInfo> segs = new ArrayList<>();
            for (SegmentInfo s : manifest.segments()) {
                BitSet del = pendingDeletes.getOrDefault(s.name(), new BitSet());
                for (int row : s.deleted()) {
                    del.set(row);
                }
                if (del.cardinality() < s.videos()) {
                    segs.add(new SegmentInfo(s.name(), s.videos(), s.clips(), del.stream().toArray(), s.files()));
                }
            }
            if (pending != null && pending.videos() > pending.deleted.cardinality()) {
                Map<String, FileInfo> files = pending.finish(onFileWritten);
                segs.add(new SegmentInfo(pending.name(), pending.videos(), pending.clips(), pending.deleted.stream().toArray(), files));
            }
            publish(manifest.withSegments(manifest.generation() + 1, segs));
            return manifest.generation();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Commits, then rewrites all live videos into one segment without tombstones; returns the new generation. */
    public long compact() {
        commit();
        if (manifest.segments().size() <= 1 && manifest.segments().stream().allMatch(s -> s.deleted().length == 0)) {
            return manifest.generation();
        }
        try (CorpusIndex current = CorpusIndex.opener(dir).optVerifyChecksums(false).open()) {
            pending = new SegmentWriter(dir, segmentName(manifest.generation() + 1), manifest.dim(), manifest.extras());
            for (int ord = 0; ord < current.size(); ord++) {
                Map<String, float[][]> extras = new LinkedHashMap<>();
                for (String x : manifest.extras().keySet()) {
                    extras.put(x, current.extra(ord, x));
                }
                pending.add(new VideoEncoding(current.video(ord).video(), current.videoVector(ord), current.clipVectors(ord), extras));
            }
            List<SegmentInfo> segs = new ArrayList<>();
            if (pending.videos() > 0) {
                Map<String, FileInfo> files = pending.finish(onFileWritten);
                segs.add(new SegmentInfo(pending.name(), pending.videos(), pending.clips(), new int[0], files));
            }
            publish(manifest.withSegments(manifest.generation() + 1, segs));
            return manifest.generation();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Number of live videos as of the last commit. */
    public int committedCount() {
        return manifest.count();
    }

    /** Discards what was not committed and releases the folder. */
    @Override
    public void close() {
        try {
            discardPending();
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException ignored) {
                // the lock dies with the channel or the process; nothing to lose
            }
        }
    }

    private void publish(IndexManifest next) throws IOException {
        next.write(dir);
        manifest = next;
        pending = null;
        pendingDeletes.clear();
        loadLiveIds();
        deleteUnreferencedFiles();
    }

    private void discardPending() {
        try {
            if (pending != null) {
                pending.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot discard pending files in " + dir + ": " + e.getMessage(), e);
        } finally {
            pending = null;
            pendingDeletes.clear();
        }
    }

    private void loadLiveIds() {
        committedLive.clear();
        for (int s = 0; s < manifest.segments().size(); s++) {
            SegmentInfo info = manifest.segments().get(s);
            Segment seg = Segment.open(dir, manifest, info, false);
            for (int row = 0; row < info.videos(); row++) {
                if (!seg.deleted.get(row)) {
                    committedLive.put(seg.ids[row], new Location(s, row));
                }
            }
        }
    }

    /** Removes data files of aborted writes and of segments no longer in the manifest. */
    private void deleteUnreferencedFiles() throws IOException {
        Set<String> keep = new HashSet<>();
        manifest.segments().forEach(s -> keep.addAll(s.files().keySet()));
        List<Path> stale;
        try (Stream<Path> files = Files.list(dir)) {
            stale = files.filter(p -> {
                String n = p.getFileName().toString();
                return (n.startsWith("seg-") || n.startsWith(".seg-")) && !keep.contains(n);
            }).toList();
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
    }

    private void checkConfig(Builder b) {
        String file = dir.resolve(IndexManifest.FILE).toString();
        if (b.dim > 0 && b.dim != manifest.dim()) {
            throw new DataFormatException(file, "$", "dim", "index holds " + manifest.dim() + "-dimensional vectors, writer was given " + b.dim);
        }
        if (b.modelFingerprint != null && !b.modelFingerprint.equals(manifest.modelFingerprint())) {
            throw new DataFormatException(file, "$.model", "fingerprint", "index was built by " + manifest.modelFingerprint()
                    + ", writer was given " + b.modelFingerprint + "; build a new index for a new model");
        }
        if (!b.extras.isEmpty() && !b.extras.equals(manifest.extras())) {
            throw new DataFormatException(file, "$", "extras", "index stores " + manifest.extras() + ", writer was given " + b.extras);
        }
    }

    private static String segmentName(long generation) {
        return String.format("seg-%08d", generation);
    }

    /** Options; dim and model are required only for a new index (and checked against an existing one). */
    public static final class Builder {
        private final Path dir;
        private int dim;
        private String modelId;
        private String modelFingerprint;
        private final Map<String, Integer> extras = new LinkedHashMap<>();
        private Consumer<Path> onFileWritten = p -> { };

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder optDim(int dim) {
            this.dim = dim;
            return this;
        }

        /** Model id and a fingerprint of its weights (e.g. their SHA-256); queries must come from the same model. */
        public Builder optModel(String id, String fingerprint) {
            this.modelId = id;
            this.modelFingerprint = fingerprint;
            return this;
        }

        /** Declares an extra per-clip array of width {@code width}; names are [a-z0-9_]+. */
        public Builder optExtra(String name, int width) {
            if (!name.matches("[a-z0-9_]+") || width <= 0) {
                throw new IllegalArgumentException("extra needs a name of [a-z0-9_]+ and width > 0: " + name + ", " + width);
            }
            extras.put(name, width);
            return this;
        }

        /** Called after each data file is complete, before the manifest is replaced (progress; tests simulate crashes). */
        public Builder optOnFileWritten(Consumer<Path> callback) {
            this.onFileWritten = callback;
            return this;
        }

        public CorpusIndexWriter build() {
            try {
                return new CorpusIndexWriter(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + dir + " for writing: " + e.getMessage(), e);
            }
        }
    }
}
