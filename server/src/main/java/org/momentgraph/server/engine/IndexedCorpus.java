package org.momentgraph.server.engine;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Stream;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.CorpusIndexWriter;
import org.momentgraph.encoders.index.VideoEncoding;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.server.NewVideo;
import org.momentgraph.server.VideoExistsException;
import org.momentgraph.server.VideoInfo;
import org.momentgraph.server.corpus.CorpusStore;

/**
 * The raw videos ({@link CorpusStore}) and their encodings ({@link CorpusIndex} in {@code index/}
 * beside them), kept consistent. The store is the source of truth and commits first; the index
 * is derived from it. Opening reconciles the two: a video the store has but the index lacks (a
 * crash between the two commits, a new model) is encoded again, an indexed video the store no
 * longer has is tombstoned. So a reopen after a crash shows the store's last complete state.
 *
 * <p>Writes are serialised by one lock (one index writer per folder); searches read the current
 * {@link EncodedCorpus} snapshot without locking.
 */
final class IndexedCorpus implements AutoCloseable {

    static final String INDEX = "index";
    private static final String INDEX_MANIFEST = "manifest.json";
    private static final String VLAD = "vlad";
    private static final int ENCODE_BATCH = 16;
    private static final int COMMITS_PER_COMPACTION = 64;

    private final CorpusStore store;
    private final CorpusIndexWriter writer;
    private final VideoStreamAssembler assembler;
    private final Function<List<VideoStreams>, List<EncodedVideo>> encoder;
    private final int streams;
    private final int hidden;
    private final ReentrantLock writes = new ReentrantLock();
    private volatile EncodedCorpus snapshot = EncodedCorpus.EMPTY;
    private int commitsSinceCompaction;

    private IndexedCorpus(CorpusStore store, CorpusIndexWriter writer, int streams, int hidden,
            VideoStreamAssembler assembler, Function<List<VideoStreams>, List<EncodedVideo>> encoder) {
        this.store = store;
        this.streams = streams;
        this.hidden = hidden;
        this.writer = writer;
        this.assembler = assembler;
        this.encoder = encoder;
    }

    /**
     * @param streams S and {@code hidden} H of the model: clip vectors are S x H wide
     * @param vlad    whether the model has NetVLAD video vectors (stored as an extra array)
     * @param encoder encodes a batch of videos with the model
     */
    static IndexedCorpus open(CorpusStore store, String modelId, String fingerprint, int streams, int hidden,
            boolean vlad,
            VideoStreamAssembler assembler, Function<List<VideoStreams>, List<EncodedVideo>> encoder, PrintStream log) {
        Path indexDir = store.dir().resolve(INDEX);
        if (Files.isRegularFile(indexDir.resolve(INDEX_MANIFEST)) && !fingerprint.equals(builtBy(indexDir))) {
            log.println("corpus: the index in " + indexDir + " was built by another model; encoding the corpus again");
            deleteTree(indexDir);
        }
        int dim = streams * hidden;
        CorpusIndexWriter.Builder builder = CorpusIndexWriter.builder(indexDir).optDim(dim).optModel(modelId, fingerprint);
        if (vlad) {
            builder.optExtra(VLAD, dim);
        }
        IndexedCorpus corpus = new IndexedCorpus(store, builder.build(), streams, hidden, assembler, encoder);
        try {
            corpus.reconcile(log);
        } catch (RuntimeException e) {
            corpus.close();
            throw e;
        }
        return corpus;
    }

    CorpusStore store() {
        return store;
    }

    EncodedCorpus snapshot() {
        return snapshot;
    }

    /** Stores, encodes and indexes a video; it is searchable and durable when this returns. */
    VideoInfo add(NewVideo video) {
        assembler.check(video.features());
        if (store.find(video.id()).isPresent()) {
            throw new VideoExistsException(video.id());
        }
        Video v = new Video(video.id(), video.duration(), video.clipLength());
        EncodedVideo encoded = encoder.apply(List.of(assembler.streams(v, video.features(), video.detections()))).get(0);
        writes.lock();
        try {
            VideoInfo info = store.add(video);
            try {
                writer.add(encoding(encoded));
                commit();
            } catch (RuntimeException e) {
                store.remove(video.id()); // keep store and index agreeing: the add did not happen
                throw e;
            }
            snapshot = snapshot.with(encoded);
            return info;
        } finally {
            writes.unlock();
        }
    }

    boolean remove(String id) {
        writes.lock();
        try {
            if (!store.remove(id)) {
                return false;
            }
            writer.remove(id);
            commit(); // a crash before this commit is repaired by the next open's reconcile
            snapshot = snapshot.without(id);
            return true;
        } finally {
            writes.unlock();
        }
    }

    private void commit() {
        writer.commit();
        if (++commitsSinceCompaction >= COMMITS_PER_COMPACTION) {
            writer.compact();
            commitsSinceCompaction = 0;
        }
    }

    /** Brings the index in line with the store and loads the snapshot, in store order. */
    private void reconcile(PrintStream log) {
        Path indexDir = store.dir().resolve(INDEX);
        List<VideoInfo> videos = store.all();
        List<VideoInfo> missing = new ArrayList<>();
        try (CorpusIndex index = CorpusIndex.open(indexDir)) {
            for (String id : index.ids()) {
                if (store.find(id).isEmpty()) {
                    writer.remove(id);
                }
            }
            for (VideoInfo v : videos) {
                OptionalInt ord = index.ordinalOf(v.id());
                if (ord.isEmpty() || index.video(ord.getAsInt()).clips() != new Video(v.id(), v.duration(),
                        v.clipLength()).grid().size()) {
                    missing.add(v);
                }
            }
        }
        long started = System.nanoTime();
        for (int from = 0; from < missing.size(); from += ENCODE_BATCH) {
            List<VideoInfo> batch = missing.subList(from, Math.min(missing.size(), from + ENCODE_BATCH));
            List<VideoStreams> streams = new ArrayList<>(batch.size());
            for (VideoInfo v : batch) {
                Video video = new Video(v.id(), v.duration(), v.clipLength());
                streams.add(assembler.streams(video, store.features(v.id()), store.detections(v.id())));
            }
            encoder.apply(streams).forEach(e -> writer.add(encoding(e)));
            int done = from + batch.size();
            log.printf(Locale.ROOT, "\rcorpus: encoding videos %d/%d (%.1f s)%s", done, missing.size(),
                    (System.nanoTime() - started) / 1e9, done == missing.size() ? "\n" : "");
        }
        writer.commit();
        try (CorpusIndex index = CorpusIndex.opener(indexDir).optVerifyChecksums(false).open()) {
            List<EncodedVideo> loaded = new ArrayList<>(videos.size());
            for (VideoInfo v : videos) {
                loaded.add(decode(index, index.ordinalOf(v.id()).orElseThrow()));
            }
            snapshot = EncodedCorpus.of(loaded);
        }
    }

    private static String builtBy(Path indexDir) {
        try (CorpusIndex index = CorpusIndex.opener(indexDir).optVerifyChecksums(false).open()) {
            return index.modelFingerprint();
        }
    }

    private EncodedVideo decode(CorpusIndex index, int ordinal) {
        Video video = index.video(ordinal).video();
        float[] videoVector = index.videoVector(ordinal);
        if (index.extras().containsKey(VLAD)) {
            float[] vlad = index.extra(ordinal, VLAD)[0];
            float[] both = java.util.Arrays.copyOf(videoVector, videoVector.length * 2);
            System.arraycopy(vlad, 0, both, videoVector.length, vlad.length);
            videoVector = both;
        }
        return EncodedVideo.fromVectors(video, streams, hidden, videoVector, index.clipVectors(ordinal));
    }

    private static VideoEncoding encoding(EncodedVideo e) {
        if (e.vlad() == null) {
            return new VideoEncoding(e.video(), e.summaries().clone(), e.clipVectors());
        }
        // the index holds one video vector per video; NetVLAD's goes in row 0 of a per-clip extra
        float[][] vlad = new float[e.length()][e.summaries().length];
        vlad[0] = e.vlad().clone();
        return new VideoEncoding(e.video(), e.summaries().clone(), e.clipVectors(), Map.of(VLAD, vlad));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
