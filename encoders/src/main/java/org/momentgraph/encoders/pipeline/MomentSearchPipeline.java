package org.momentgraph.encoders.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.encoders.inference.LoadedRetriever;

/**
 * Video retrieval (VR), single-video moment retrieval (SVMR) and video-corpus moment retrieval
 * (VCMR) over an encoded corpus with a loaded retriever and optional {@link ClipEvidence} and
 * {@link VideoEvidence}.
 *
 * <pre>{@code
 * try (LoadedRetriever r = LoadedRetriever.load(modelDir);
 *      CorpusIndex index = CorpusIndex.open(indexDir);
 *      MomentSearchPipeline p = MomentSearchPipeline.builder(r).corpus(index).evidence(filter).build()) {
 *     List<MomentResult> top = p.vcmr("Alice hands Bob the cup", 10);
 * }
 * }</pre>
 *
 * <p>Scores ({@code vr} is the model's video score, plus {@code w * best clip evidence} when
 * {@link PipelineConfig#evidenceVrWeight} is set and {@code v * video evidence} when
 * {@link PipelineConfig#videoEvidenceVrWeight} is):
 * <ul>
 * <li>VR: {@code vr}, exact over the whole corpus (an index of at least {@code hnswThreshold} videos
 *     first pre-selects {@code 4 * max(k, N)} candidates with HNSW).</li>
 * <li>SVMR: {@code P(start) * P(end) * f^alpha}, the probabilities from one softmax over the video's
 *     clips (XML's decoding; any length, since long videos were encoded in windows and decode globally),
 *     {@code f} the mean clip evidence over the span (1 without evidence).</li>
 * <li>VCMR: exact VR picks the N best videos; the clip evidence screens their clips under the budget
 *     ({@link PipelineConfig#filterKeepFraction}) and only videos with a surviving clip are localised;
 *     {@code score = softmax_N(vr / tau) * P(start) * P(end) * f^alpha} (XML/ReLoCLNet's
 *     exp-normalised VR times the span probability).</li>
 * </ul>
 *
 * <p>Thread safety: one pipeline serves one thread at a time; public methods are synchronized, so
 * worker threads may share one (serialised), or hold one each over their own {@link LoadedRetriever}
 * for parallel search. The model is loaded once by the caller; nothing is loaded per call; queries and
 * boundary detection run batched.
 */
public final class MomentSearchPipeline implements AutoCloseable {

    private final LoadedRetriever retriever;
    private final SearchCorpus corpus;
    private final ClipEvidence evidence;
    private final VideoEvidence videoEvidence;
    private final PipelineConfig config;
    private long scoredClips;

    private MomentSearchPipeline(LoadedRetriever retriever, SearchCorpus corpus, ClipEvidence evidence,
            VideoEvidence videoEvidence, PipelineConfig config) {
        this.retriever = retriever;
        this.corpus = corpus;
        this.evidence = evidence;
        this.videoEvidence = videoEvidence;
        this.config = config;
    }

    public static Builder builder(LoadedRetriever retriever) {
        return new Builder(retriever);
    }

    public PipelineConfig config() {
        return config;
    }

    public int corpusSize() {
        return corpus.size();
    }

    /** Clips that boundary detection has scored so far over all calls (what the clip filter saves). */
    public synchronized long scoredClips() {
        return scoredClips;
    }

    /** Encodes query texts in one batch. */
    public synchronized List<PreparedQuery> prepare(List<String> texts) {
        float[][] vectors = retriever.encodeQueries(texts);
        List<PreparedQuery> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(new PreparedQuery(texts.get(i), vectors[i]));
        }
        return out;
    }

    /** Queries from frozen token features already at hand (e.g. a training set's), encoded in one batch. */
    public synchronized List<PreparedQuery> prepare(List<String> texts, List<float[][]> tokens) {
        if (texts.size() != tokens.size()) {
            throw new IllegalArgumentException("need one token matrix per text");
        }
        float[][] vectors = retriever.encodeQueryTokens(tokens);
        List<PreparedQuery> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(new PreparedQuery(texts.get(i), vectors[i]));
        }
        return out;
    }

    public List<MomentResult> vr(String query, int k) {
        return vr(prepare(List.of(query)), k).get(0);
    }

    public List<MomentResult> svmr(String videoId, String query, int k) {
        return svmr(List.of(videoId), prepare(List.of(query)), k).get(0);
    }

    public List<MomentResult> vcmr(String query, int k) {
        return vcmr(prepare(List.of(query)), k).get(0);
    }

    /** The k best videos of each query; results span the whole video. */
    public synchronized List<List<MomentResult>> vr(List<PreparedQuery> queries, int k) {
        List<List<MomentResult>> out = new ArrayList<>(queries.size());
        for (RankedVideos ranked : rankVideos(queries, k)) {
            List<MomentResult> list = new ArrayList<>();
            for (int i = 0; i < Math.min(k, ranked.positions.length); i++) {
                Video v = corpus.get(ranked.positions[i]).video();
                list.add(new MomentResult(v.id(), 0, v.duration(), ranked.scores[i], ranked.scores[i], Double.NaN,
                        List.of()));
            }
            out.add(explain(ranked.query, list));
        }
        return out;
    }

    /** The k best moments of query i inside video i. */
    public synchronized List<List<MomentResult>> svmr(List<String> videoIds, List<PreparedQuery> queries, int k) {
        if (videoIds.size() != queries.size()) {
            throw new IllegalArgumentException("need one video per query, got " + videoIds.size() + " videos and "
                    + queries.size() + " queries");
        }
        List<EncodedVideo> videos = new ArrayList<>(videoIds.size());
        for (String id : videoIds) {
            int position = corpus.positionOf(id);
            if (position < 0) {
                throw new IllegalArgumentException("video '" + id + "' is not in the corpus");
            }
            videos.add(corpus.get(position));
        }
        List<float[]> vectors = queries.stream().map(PreparedQuery::vector).toList();
        List<float[][]> logits = retriever.boundaryLogits(vectors, videos);
        List<List<MomentResult>> out = new ArrayList<>(queries.size());
        VideoRanking ranking = ranking();
        for (int i = 0; i < queries.size(); i++) {
            EncodedVideo v = videos.get(i);
            float[] clipEvidence = evidence == null ? null
                    : evidence.clipScores(queries.get(i).text(), List.of(v.video())).get(0);
            double vr = ranking.score(queries.get(i), v, clipEvidence);
            scoredClips += v.length();
            List<MomentResult> moments = moments(v, logits.get(i), clipEvidence, 1.0, vr, k);
            out.add(explain(queries.get(i), moments.subList(0, Math.min(k, moments.size()))));
        }
        return out;
    }

    /** The k best (video, moment) pairs of each query over the corpus. */
    public synchronized List<List<MomentResult>> vcmr(List<PreparedQuery> queries, int k) {
        List<RankedVideos> ranked = rankVideos(queries, config.vcmrVideos());
        List<float[]> pairQueries = new ArrayList<>();
        List<EncodedVideo> pairVideos = new ArrayList<>();
        List<List<Candidate>> candidates = new ArrayList<>();
        for (RankedVideos r : ranked) {
            int n = Math.min(config.vcmrVideos(), r.positions.length);
            double[] top = new double[n];
            System.arraycopy(r.scores, 0, top, 0, n);
            double[] probability = Scores.softmax(top, config.vrTemperature());
            List<float[]> clipEvidence = null;
            boolean[] survive = new boolean[n];
            java.util.Arrays.fill(survive, true);
            if (evidence != null) {
                List<Video> videos = new ArrayList<>(n);
                int[] lengths = new int[n];
                for (int i = 0; i < n; i++) {
                    videos.add(corpus.get(r.positions[i]).video());
                    lengths[i] = corpus.get(r.positions[i]).length();
                }
                clipEvidence = r.evidence != null ? r.evidence.subList(0, n) : evidence.clipScores(r.query.text(), videos);
                survive = ClipScreen.survivors(clipEvidence, lengths, config.filterKeepFraction(),
                        config.filterVideoWeight());
            }
            List<Candidate> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (survive[i]) {
                    EncodedVideo v = corpus.get(r.positions[i]);
                    list.add(new Candidate(v, r.scores[i], probability[i], clipEvidence == null ? null : clipEvidence.get(i)));
                    pairQueries.add(r.query.vector());
                    pairVideos.add(v);
                    scoredClips += v.length();
                }
            }
            candidates.add(list);
        }
        List<float[][]> logits = retriever.boundaryLogits(pairQueries, pairVideos);
        List<List<MomentResult>> out = new ArrayList<>(queries.size());
        int next = 0;
        for (int q = 0; q < queries.size(); q++) {
            List<MomentResult> all = new ArrayList<>();
            for (Candidate c : candidates.get(q)) {
                all.addAll(moments(c.video, logits.get(next++), c.evidence, c.probability, c.vr, config.momentsPerVideo()));
            }
            all.sort(Comparator.comparingDouble(MomentResult::score).reversed());
            out.add(explain(queries.get(q), all.subList(0, Math.min(k, all.size()))));
        }
        return out;
    }

    /** Decodes a video's moments; with evidence, more are decoded and re-ranked by {@code P * f^alpha}. */
    private List<MomentResult> moments(EncodedVideo v, float[][] logits, float[] clipEvidence, double vrProbability,
            double vr, int k) {
        boolean weigh = clipEvidence != null && config.filterAlpha() > 0;
        List<Moment> decoded = retriever.decode(v, logits, weigh ? 3 * k : k);
        ClipGrid grid = v.video().grid();
        List<MomentResult> out = new ArrayList<>(decoded.size());
        for (Moment m : decoded) {
            double filter = Double.NaN;
            double score = vrProbability * m.score();
            if (clipEvidence != null) {
                int first = grid.clipAt(m.start());
                int last = Math.max(first, grid.clipAt(Math.max(m.start(), m.end() - 1e-6)));
                filter = Scores.mean(clipEvidence, first, last);
                score *= Math.pow(Math.max(filter, 1e-6), config.filterAlpha());
            }
            out.add(new MomentResult(v.id(), m.start(), m.end(), score, vr, filter, List.of()));
        }
        out.sort(Comparator.comparingDouble(MomentResult::score).reversed());
        return out.subList(0, Math.min(k, out.size()));
    }

    private List<MomentResult> explain(PreparedQuery query, List<MomentResult> results) {
        List<MomentResult> out = new ArrayList<>(results);
        if (evidence == null) {
            return out;
        }
        for (int i = 0; i < Math.min(config.explainTop(), out.size()); i++) {
            MomentResult r = out.get(i);
            ClipGrid grid = corpus.get(corpus.positionOf(r.videoId())).video().grid();
            int first = grid.clipAt(r.start());
            int last = Math.max(first, grid.clipAt(Math.max(r.start(), r.end() - 1e-6)));
            out.set(i, r.withExplanation(evidence.explain(query.text(), r.videoId(), first, last)));
        }
        return out;
    }

    /** Videos by VR score, best first, at least {@code k} of them when the corpus has them. */
    private List<RankedVideos> rankVideos(List<PreparedQuery> queries, int k) {
        return ranking().rank(queries, k);
    }

    private VideoRanking ranking() {
        return new VideoRanking(retriever, corpus, evidence, videoEvidence, config);
    }

    record RankedVideos(PreparedQuery query, int[] positions, double[] scores, List<float[]> evidence) {
    }

    private record Candidate(EncodedVideo video, double vr, double probability, float[] evidence) {
    }

    @Override
    public void close() {
        corpus.close();
    }

    /** A pipeline's parts; the retriever and any index stay owned by the caller. */
    public static final class Builder {
        private final LoadedRetriever retriever;
        private List<EncodedVideo> videos;
        private CorpusIndex index;
        private ClipEvidence evidence;
        private VideoEvidence videoEvidence;
        private PipelineConfig config = PipelineConfig.defaults();

        private Builder(LoadedRetriever retriever) {
            this.retriever = retriever;
        }

        public Builder corpus(List<EncodedVideo> encoded) {
            this.videos = encoded;
            this.index = null;
            return this;
        }

        public Builder corpus(CorpusIndex corpusIndex) {
            this.index = corpusIndex;
            this.videos = null;
            return this;
        }

        public Builder evidence(ClipEvidence clipEvidence) {
            this.evidence = clipEvidence;
            return this;
        }

        public Builder videoEvidence(VideoEvidence evidence) {
            this.videoEvidence = evidence;
            return this;
        }

        public Builder config(PipelineConfig pipelineConfig) {
            this.config = pipelineConfig;
            return this;
        }

        public MomentSearchPipeline build() {
            if (retriever == null || (videos == null && index == null)) {
                throw new IllegalStateException("a pipeline needs a retriever and a corpus");
            }
            int streams = retriever.config().streamCount();
            int hidden = retriever.config().hiddenSize();
            SearchCorpus corpus = videos != null ? SearchCorpus.of(videos, streams, hidden)
                    : SearchCorpus.of(index, streams, hidden, config.hnswThreshold());
            return new MomentSearchPipeline(retriever, corpus, evidence, videoEvidence, config);
        }
    }
}
