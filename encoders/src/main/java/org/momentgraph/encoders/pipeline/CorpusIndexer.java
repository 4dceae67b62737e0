package org.momentgraph.encoders.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.CorpusIndexWriter;
import org.momentgraph.encoders.index.VideoEncoding;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.encoders.inference.LoadedRetriever;
import org.momentgraph.encoders.modeldir.Checksums;

/**
 * Encodes a dataset's videos with a trained retriever into a {@link CorpusIndex} folder that
 * {@link MomentSearchPipeline} (and {@code serve}) can open: per video the summaries as the video
 * vector and the per-clip states as clip vectors ({@code S*H} wide). The index records the model's
 * fingerprint (SHA-256 of the model directory's checksum file), so opening it with another model fails.
 *
 * <pre>{@code
 * try (LoadedRetriever r = LoadedRetriever.load(modelDir)) {
 *     int n = CorpusIndexer.index(r, modelDir, videos, Path.of("runs/index"));
 * }
 * }</pre>
 *
 * Videos are encoded in batches of {@value #BATCH}; adding an id already in the index replaces it.
 * NetVLAD models are not indexable yet (their video vector is wider than a clip vector).
 */
public final class CorpusIndexer {

    private static final int BATCH = 32;

    private CorpusIndexer() {
    }

    /** The fingerprint an index built with the model in {@code modelDir} carries. */
    public static String fingerprint(Path modelDir) {
        return Checksums.sha256(modelDir.resolve(Checksums.FILE));
    }

    /** Encodes and commits {@code videos}; returns the number of live videos in the index afterwards. */
    public static int index(LoadedRetriever retriever, Path modelDir, List<VideoStreams> videos, Path indexDir) {
        if (retriever.config().netVladClusters() > 0) {
            throw new IllegalArgumentException("model " + modelDir + " uses NetVLAD video vectors, which the corpus index "
                    + "cannot store next to its clip vectors; index a model with netVladClusters = 0");
        }
        int dim = retriever.config().streamCount() * retriever.config().hiddenSize();
        String id = modelDir.toAbsolutePath().normalize().getFileName().toString();
        try (CorpusIndexWriter writer = CorpusIndexWriter.builder(indexDir).optDim(dim)
                .optModel(id, fingerprint(modelDir)).build()) {
            for (int from = 0; from < videos.size(); from += BATCH) {
                for (EncodedVideo v : retriever.encodeVideos(videos.subList(from, Math.min(videos.size(), from + BATCH)))) {
                    writer.add(new VideoEncoding(v.video(), v.videoVector(), v.clipVectors()));
                }
            }
            writer.commit();
            return writer.committedCount();
        }
    }

    /** Opens an index built by {@link #index}, checking that it matches the model in {@code modelDir}. */
    public static CorpusIndex open(Path indexDir, Path modelDir) {
        return CorpusIndex.opener(indexDir).optExpectedModel(fingerprint(modelDir)).open();
    }

    /** Encodes videos in memory (for a pipeline without an index folder). */
    public static List<EncodedVideo> encode(LoadedRetriever retriever, List<VideoStreams> videos) {
        List<EncodedVideo> out = new ArrayList<>(videos.size());
        for (int from = 0; from < videos.size(); from += BATCH) {
            out.addAll(retriever.encodeVideos(videos.subList(from, Math.min(videos.size(), from + BATCH))));
        }
        return out;
    }
}
