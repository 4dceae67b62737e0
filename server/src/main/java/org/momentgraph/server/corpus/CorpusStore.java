package org.momentgraph.server.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.eval.data.JsonLines;
import org.momentgraph.eval.features.Npy;
import org.momentgraph.server.InvalidInputException;
import org.momentgraph.server.NewVideo;
import org.momentgraph.server.Page;
import org.momentgraph.server.UnknownVideoException;
import org.momentgraph.server.VideoExistsException;
import org.momentgraph.server.VideoInfo;

/**
 * The videos of a served corpus, on disk:
 * <pre>
 * corpus/videos.jsonl                            the manifest: one metadata line per video, in order added
 * corpus/videos/ID.STAMP.features.npy            clips x dim float32 features
 * corpus/videos/ID.STAMP.detections.jsonl        one {"t", "objects"} line per frame
 * </pre>
 * A change first writes any new per-video files, then replaces the manifest atomically
 * ({@link AtomicFiles}); the manifest swap is the commit point. A crash at any moment thus
 * leaves the last complete manifest, and files it does not name (half-written temporaries, files
 * of an add that never committed, files of a removed video) are deleted when the store is opened.
 * Each version of a video's files carries a fresh STAMP, so a committed file is never overwritten.
 *
 * <p>Thread-safe: reads share a lock, changes take it exclusively.
 */
public final class CorpusStore {

    static final String MANIFEST = "videos.jsonl";
    static final String VIDEOS = "videos";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Map<String, Entry> videos = new LinkedHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** A manifest line: the video and the stamp of its files. */
    private record Entry(VideoInfo info, String stamp) {
    }

    private CorpusStore(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating when absent) the corpus in {@code dir} at its last committed state. */
    public static CorpusStore open(Path dir) {
        CorpusStore store = new CorpusStore(dir.toAbsolutePath().normalize());
        try {
            Files.createDirectories(store.dir.resolve(VIDEOS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create corpus folder " + dir + ": " + e.getMessage(), e);
        }
        store.readManifest();
        store.deleteUncommittedFiles();
        return store;
    }

    public Path dir() {
        return dir;
    }

    /** Persists a video; it is committed when this returns. */
    public VideoInfo add(NewVideo video) {
        lock.writeLock().lock();
        try {
            if (videos.containsKey(video.id())) {
                throw new VideoExistsException(video.id());
            }
            String stamp = freshStamp(video.id());
            Npy.write(featuresFile(video.id(), stamp), video.features());
            AtomicFiles.writeText(detectionsFile(video.id(), stamp), w -> {
                for (FrameDetections frame : video.detections()) {
                    w.write(JSON.writeValueAsString(DetectionsJson.write(frame)));
                    w.write('\n');
                }
            });
            Map<String, Entry> next = new LinkedHashMap<>(videos);
            next.put(video.id(), new Entry(video.info(), stamp));
            writeManifest(next);
            videos.put(video.id(), next.get(video.id()));
            return video.info();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a video; false when there was none with that id. */
    public boolean remove(String id) {
        lock.writeLock().lock();
        try {
            Entry gone = videos.get(id);
            if (gone == null) {
                return false;
            }
            Map<String, Entry> next = new LinkedHashMap<>(videos);
            next.remove(id);
            writeManifest(next);
            videos.remove(id);
            deleteQuietly(featuresFile(id, gone.stamp));
            deleteQuietly(detectionsFile(id, gone.stamp));
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Page<VideoInfo> list(int offset, int limit) {
        lock.readLock().lock();
        try {
            return Page.of(videos.values().stream().map(Entry::info).toList(), offset, limit);
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<VideoInfo> all() {
        return list(0, Integer.MAX_VALUE).items();
    }

    public Optional<VideoInfo> find(String id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(videos.get(id)).map(Entry::info);
        } finally {
            lock.readLock().unlock();
        }
    }

    public int size() {
        lock.readLock().lock();
        try {
            return videos.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The clips x dim features of a video. */
    public float[][] features(String id) {
        lock.readLock().lock();
        try {
            return Npy.read(featuresFile(id, entry(id).stamp));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The detections of a video's frames, in time order as added. */
    public List<FrameDetections> detections(String id) {
        lock.readLock().lock();
        try {
            Path file = detectionsFile(id, entry(id).stamp);
            List<FrameDetections> out = new ArrayList<>();
            JsonLines.forEach(file, line -> {
                try {
                    out.add(DetectionsJson.read(line.record(), id));
                } catch (InvalidInputException e) {
                    throw DataFormatException.atLine(file.toString(), line.number(), e.field(), e.getMessage());
                }
            });
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private Entry entry(String id) {
        Entry e = videos.get(id);
        if (e == null) {
            throw new UnknownVideoException(id);
        }
        return e;
    }

    private Path featuresFile(String id, String stamp) {
        return dir.resolve(VIDEOS).resolve(id + "." + stamp + ".features.npy");
    }

    private Path detectionsFile(String id, String stamp) {
        return dir.resolve(VIDEOS).resolve(id + "." + stamp + ".detections.jsonl");
    }

    private String freshStamp(String id) {
        while (true) {
            String stamp = UUID.randomUUID().toString().substring(0, 8);
            if (!Files.exists(featuresFile(id, stamp)) && !Files.exists(detectionsFile(id, stamp))) {
                return stamp;
            }
        }
    }

    private void writeManifest(Map<String, Entry> entries) {
        AtomicFiles.writeText(dir.resolve(MANIFEST), w -> {
            for (Entry e : entries.values()) {
                ObjectNode line = JSON.createObjectNode();
                VideoInfo v = e.info;
                line.put("id", v.id()).put("duration", v.duration()).put("clip_length", v.clipLength())
                        .put("clips", v.clips()).put("feature_dim", v.featureDim()).put("frames", v.frames())
                        .put("stamp", e.stamp);
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
        });
    }

    private void readManifest() {
        Path file = dir.resolve(MANIFEST);
        if (!Files.exists(file)) {
            return;
        }
        JsonLines.forEach(file, line -> {
            JsonNode node = line.record();
            String id = line.fields().text(node, "id");
            String stamp = line.fields().text(node, "stamp");
            if (!NewVideo.ID.matcher(id).matches() || !stamp.matches("[0-9a-f]{8}")) {
                throw line.fields().error("id", "not a valid video id and stamp");
            }
            VideoInfo info = new VideoInfo(id, node.path("duration").asDouble(), node.path("clip_length").asDouble(),
                    node.path("clips").asInt(), node.path("feature_dim").asInt(), node.path("frames").asInt());
            if (videos.put(id, new Entry(info, stamp)) != null) {
                throw line.fields().error("id", "video '" + id + "' listed twice");
            }
        });
    }

    /** Temporaries and files of uncommitted adds or committed removes: no manifest line names them. */
    private void deleteUncommittedFiles() {
        List<Path> keep = new ArrayList<>();
        for (var e : videos.entrySet()) {
            keep.add(featuresFile(e.getKey(), e.getValue().stamp));
            keep.add(detectionsFile(e.getKey(), e.getValue().stamp));
        }
        for (Path folder : List.of(dir, dir.resolve(VIDEOS))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> folder.equals(dir) ? isTemporary(f) : !keep.contains(f))
                        .forEach(CorpusStore::deleteQuietly);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean isTemporary(Path f) {
        String name = f.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // an orphan left on disk is named by no manifest line; the next open retries
        }
    }
}
