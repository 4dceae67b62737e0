package org.momentgraph.server.engine;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.eval.synthetic.CorpusFiles;
import org.momentgraph.eval.synthetic.SyntheticCorpus;
import org.momentgraph.server.NewVideo;
import org.momentgraph.server.corpus.CorpusStore;

/**
 * Serving a corpus written by {@code momentgraph generate}: its videos (features and detections, all
 * splits) are copied into a corpus store in {@code DIR/store} on first open, with a progress line.
 * The copy is resumable: a store that already holds a video skips it, and {@code imported.json}
 * is written last, so an interrupted import finishes on the next open.
 */
public final class SyntheticImport {

    /** The store folder inside a generated corpus folder. */
    public static final String STORE = "store";
    static final String DONE = "imported.json";

    private SyntheticImport() {
    }

    /** Whether {@code dir} is a generated corpus (it has the generator's manifest). */
    public static boolean isGenerated(Path dir) {
        return Files.isRegularFile(dir.resolve(CorpusFiles.MANIFEST)) && Files.isRegularFile(dir.resolve(CorpusFiles.VIDEOS));
    }

    /** Opens the store of a generated corpus, importing its videos first when that was not finished. */
    public static CorpusStore open(Path generated, PrintStream log) {
        CorpusStore store = CorpusStore.open(generated.resolve(STORE));
        if (Files.isRegularFile(store.dir().resolve(DONE))) {
            return store;
        }
        long started = System.nanoTime();
        try (SyntheticCorpus corpus = SyntheticCorpus.load(generated)) {
            List<SyntheticCorpus.VideoRecord> videos = corpus.videos();
            int done = 0;
            for (SyntheticCorpus.VideoRecord record : videos) {
                Video v = record.video();
                if (store.find(v.id()).isEmpty()) {
                    List<FrameDetections> frames = corpus.detectionsByVideo().getOrDefault(v.id(), List.of());
                    float[][] features = VideoStreams.fit(corpus.features().clips(v.id()), v.grid().size());
                    store.add(new NewVideo(v.id(), v.duration(), v.clipLength(), features, frames));
                }
                done++;
                if (done % 10 == 0 || done == videos.size()) {
                    log.printf(Locale.ROOT, "\rcorpus: importing %s %d/%d videos (%.1f s)%s", generated, done,
                            videos.size(), (System.nanoTime() - started) / 1e9, done == videos.size() ? "\n" : "");
                }
            }
            AtomicFiles.writeString(store.dir().resolve(DONE), "{\"videos\": " + videos.size() + "}\n");
        }
        return store;
    }
}
