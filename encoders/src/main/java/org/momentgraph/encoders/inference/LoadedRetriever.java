package org.momentgraph.encoders.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.boundary.BoundaryDecoder;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.model.ConvSE;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.model.StreamScores;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.modeldir.TrainInfo;
import org.momentgraph.encoders.text.MiniLmTextEncoder;

/**
 * A trained retriever ready for search: queries and videos become float arrays once, then any
 * query is scored against any encoded video (VR) and localised inside it (SVMR, VCMR).
 *
 * <pre>{@code
 * try (LoadedRetriever r = LoadedRetriever.load(Path.of("runs/train/model"))) {
 *     float[] q = r.encodeQuery("Alice picks up the cup");
 *     EncodedVideo v = r.encodeVideo(streams);            // store v.videoVector(), v.clipVectors()
 *     float score = r.videoScore(q, v);
 *     List<Moment> top = r.localize(q, v, 5);
 * }
 * }</pre>
 *
 * <p>A query vector is {@code [S*H stream queries | S stream weights]}. Every call runs batched in
 * its own sub-manager, closed before it returns; the model is loaded once. Thread safety: an
 * instance is <b>not</b> thread-safe (DJL blocks share one parameter store); use one instance per
 * thread or a small pool of instances. A shared {@link MiniLmTextEncoder} may back them all.
 */
public final class LoadedRetriever implements AutoCloseable {

    /** Query-video pairs per batched scoring run. */
    private static final int PAIR_CHUNK = 32;
    private static final int VIDEO_CHUNK = 64;

    private final NDManager manager;
    private final DualEncoderModel model;
    private final ModelConfig config;
    private final TrainInfo info;
    private final ParameterStore ps;
    private final WindowedVideoEncoder videos;
    private final QueryEncoding queries;
    private final double nmsThreshold;
    /** The boundary detector with its weights copied, made at the first localisation. */
    private QueryFoldedConvSE folded;

    private LoadedRetriever(NDManager manager, DualEncoderModel model, TrainInfo info, MiniLmTextEncoder text,
            boolean ownsText, double nmsThreshold) {
        this.manager = manager;
        this.model = model;
        this.config = model.config();
        this.info = info;
        this.ps = new ParameterStore(manager, false);
        this.videos = new WindowedVideoEncoder(model, info.maxClips());
        this.queries = new QueryEncoding(model, text, ownsText);
        this.nmsThreshold = nmsThreshold;
    }

    /** Loads a model directory (checksums verified); MiniLM is created on the first text query. */
    public static LoadedRetriever load(Path dir) {
        return load(dir, null);
    }

    /** Loads a model directory using a shared text encoder (not closed by this retriever). */
    public static LoadedRetriever load(Path dir, MiniLmTextEncoder text) {
        ModelDirectory saved = ModelDirectory.open(dir);
        NDManager manager = NDManager.newBaseManager("PyTorch");
        try {
            DualEncoderModel model = saved.loadModel(manager);
            return new LoadedRetriever(manager, model, saved.info(), text, text == null, 0.7);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * A view of an in-memory model (e.g. during training); closing it leaves the model alone. The
     * boundary detector's weights are copied at its first localisation: make a new view after training steps.
     */
    public static LoadedRetriever of(DualEncoderModel model, TrainInfo info, MiniLmTextEncoder text) {
        return new LoadedRetriever(NDManager.newBaseManager("PyTorch"), model, info, text, false, 0.7);
    }

    public ModelConfig config() {
        return config;
    }

    public TrainInfo info() {
        return info;
    }

    /** Length of a query vector: S*H + S. */
    public int queryVectorLength() {
        return queries.vectorLength();
    }

    public float[] encodeQuery(String text) {
        return encodeQueries(List.of(text))[0];
    }

    public float[][] encodeQueries(List<String> texts) {
        return queries.encodeTexts(manager, ps, texts);
    }

    /** Query vectors from frozen token features {@code [T][queryDim]}, batched. */
    public float[][] encodeQueryTokens(List<float[][]> tokens) {
        return queries.encodeTokens(manager, ps, tokens);
    }

    public EncodedVideo encodeVideo(VideoStreams video) {
        return encodeVideos(List.of(video)).get(0);
    }

    /** Encodes videos in padded batches; longer than the training window -> overlapping windows. */
    public List<EncodedVideo> encodeVideos(List<VideoStreams> streams) {
        return videos.encode(manager, ps, streams);
    }

    public float videoScore(float[] query, EncodedVideo video) {
        return videoScores(new float[][] {query}, List.of(video))[0][0];
    }

    /** VR scores {@code [queries][videos]}: the model's video score of every pair, batched. */
    public float[][] videoScores(float[][] queryVectors, List<EncodedVideo> encoded) {
        float[][] out = new float[queryVectors.length][encoded.size()];
        for (int from = 0; from < encoded.size(); from += VIDEO_CHUNK) {
            List<EncodedVideo> chunk = encoded.subList(from, Math.min(encoded.size(), from + VIDEO_CHUNK));
            try (NDManager m = manager.newSubManager()) {
                PaddedVideos v = PaddedVideos.of(m, chunk);
                NDArray[] q = queries.arrays(m, queryVectors);
                NDArray weights = model.fusion().forward(ps, new NDList(q[0], q[1], v.summaries()), false).head();
                NDArray scores = v.vlad() != null
                        ? StreamScores.vectorScores(q[0], v.vlad(), weights)
                        : StreamScores.videoScores(StreamScores.clipScores(q[0], v.states(), weights), v.mask());
                float[] flat = scores.toFloatArray();
                for (int i = 0; i < queryVectors.length; i++) {
                    System.arraycopy(flat, i * chunk.size(), out[i], from, chunk.size());
                }
            }
        }
        return out;
    }

    /** Start and end logits {@code [2][L]} of a query over one encoded video. */
    public float[][] boundaryLogits(float[] query, EncodedVideo video) {
        return boundaryLogits(List.of(query), List.of(video)).get(0);
    }

    /**
     * Start/end logits of query i in video i: each {@code [2][L_i]}. Consecutive pairs of one query (a
     * search's candidate videos) run as one {@link QueryFoldedConvSE} pass when the model allows it,
     * otherwise batched through the model's blocks.
     */
    public List<float[][]> boundaryLogits(List<float[]> queryVectors, List<EncodedVideo> encoded) {
        if (queryVectors.size() != encoded.size()) {
            throw new IllegalArgumentException("need one video per query, got " + queryVectors.size() + " queries and "
                    + encoded.size() + " videos");
        }
        if (!QueryFoldedConvSE.supports(config)) {
            return blockBoundaryLogits(queryVectors, encoded);
        }
        if (folded == null) {
            folded = QueryFoldedConvSE.of(model);
        }
        List<float[][]> out = new ArrayList<>(encoded.size());
        int from = 0;
        while (from < encoded.size()) {
            int to = from + 1;
            while (to < encoded.size() && java.util.Arrays.equals(queryVectors.get(to), queryVectors.get(from))) {
                to++;
            }
            out.addAll(folded.logits(manager, queryVectors.get(from), encoded.subList(from, to)));
            from = to;
        }
        return out;
    }

    /** {@link #boundaryLogits(List, List)} through the model's fusion and ConvSE blocks, 32 pairs per run. */
    List<float[][]> blockBoundaryLogits(List<float[]> queryVectors, List<EncodedVideo> encoded) {
        List<float[][]> out = new ArrayList<>(encoded.size());
        for (int from = 0; from < encoded.size(); from += PAIR_CHUNK) {
            int to = Math.min(encoded.size(), from + PAIR_CHUNK);
            List<EncodedVideo> chunk = encoded.subList(from, to);
            try (NDManager m = manager.newSubManager()) {
                PaddedVideos v = PaddedVideos.of(m, chunk);
                NDArray[] q = queries.arrays(m, queryVectors.subList(from, to).toArray(float[][]::new));
                NDArray weights = model.fusion().forward(ps, new NDList(q[0], q[1], v.summaries()), false).head();
                NDArray paired = StreamScores.paired(weights); // [B, S]
                NDArray curve = StreamScores.pairedClipScores(q[0], v.states(), paired);
                NDList logits = model.convSE().forward(ps,
                        ConvSE.inputs(config, curve, v.mask(), q[0], v.states(), paired), false);
                float[] start = logits.get(0).toFloatArray();
                float[] end = logits.get(1).toFloatArray();
                for (int i = 0; i < chunk.size(); i++) {
                    int l = chunk.get(i).length();
                    out.add(new float[][] {
                        java.util.Arrays.copyOfRange(start, i * v.clips(), i * v.clips() + l),
                        java.util.Arrays.copyOfRange(end, i * v.clips(), i * v.clips() + l)});
                }
            }
        }
        return out;
    }

    /** The top {@code k} moments of a text query in a video. */
    public List<Moment> localize(String query, VideoStreams video, int k) {
        return localize(encodeQuery(query), encodeVideo(video), k);
    }

    public List<Moment> localize(float[] query, EncodedVideo video, int k) {
        float[][] logits = boundaryLogits(query, video);
        return decode(video, logits, k);
    }

    /**
     * Top moments from a video's logits: P(start) x P(end) with one softmax over the whole video, at
     * most the longest training moment long. Long videos need no window decoding here: their clip
     * states were encoded in windows and ConvSE ran over the full length, and a softmax per window
     * ({@link org.momentgraph.encoders.boundary.SlidingWindowDecoder}) would make a window of pure
     * background look as confident as the window holding the moment. Cost O(L x maxLength).
     */
    public List<Moment> decode(EncodedVideo video, float[][] logits, int k) {
        int maxLength = Math.max(1, Math.min(info.maxMomentClips(), videos.window()));
        return new BoundaryDecoder(maxLength, k, nmsThreshold)
                .decodeMoments(video.id(), video.video().grid(), logits[0], logits[1]);
    }

    @Override
    public void close() {
        queries.close();
        manager.close();
    }
}
