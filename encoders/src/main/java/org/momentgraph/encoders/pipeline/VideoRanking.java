package org.momentgraph.encoders.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.encoders.inference.LoadedRetriever;

/**
 * VR ranking of a batch of queries: the model's video score of every (query, candidate) pair in one
 * batched pass, plus {@code w * best clip evidence} and {@code v * video evidence} when the config asks
 * for them (evidence computed for every candidate, so the evidence terms can promote any of them; on
 * corpora over {@value #EVIDENCE_ALL_LIMIT} videos for the model's best 4k), sorted best first.
 */
final class VideoRanking {

    /** Corpora up to this size get the evidence term on every video; larger ones on the model's top 4k. */
    private static final int EVIDENCE_ALL_LIMIT = 2000;

    private final LoadedRetriever retriever;
    private final SearchCorpus corpus;
    private final ClipEvidence evidence;
    private final VideoEvidence videoEvidence;
    private final PipelineConfig config;

    VideoRanking(LoadedRetriever retriever, SearchCorpus corpus, ClipEvidence evidence, VideoEvidence videoEvidence,
            PipelineConfig config) {
        this.retriever = retriever;
        this.corpus = corpus;
        this.evidence = evidence;
        this.videoEvidence = videoEvidence;
        this.config = config;
    }

    List<MomentSearchPipeline.RankedVideos> rank(List<PreparedQuery> queries, int k) {
        List<MomentSearchPipeline.RankedVideos> out = new ArrayList<>(queries.size());
        if (!corpus.approximate()) {
            float[][] vectors = queries.stream().map(PreparedQuery::vector).toArray(float[][]::new);
            float[][] scores = retriever.videoScores(vectors, corpus.all());
            int[] all = IntStream.range(0, corpus.size()).toArray();
            for (int q = 0; q < queries.size(); q++) {
                out.add(finish(queries.get(q), all, scores[q], k));
            }
            return out;
        }
        for (PreparedQuery query : queries) {
            int[] candidates = corpus.preselect(query.vector(), 4 * Math.max(k, config.vcmrVideos())).stream()
                    .mapToInt(Integer::intValue).toArray();
            List<EncodedVideo> videos = Arrays.stream(candidates).mapToObj(corpus::get).toList();
            out.add(finish(query, candidates, retriever.videoScores(new float[][] {query.vector()}, videos)[0], k));
        }
        return out;
    }

    /** The VR score of one video: the model's, plus the evidence terms the config weighs. */
    double score(PreparedQuery query, EncodedVideo video, float[] clipEvidence) {
        double vr = retriever.videoScores(new float[][] {query.vector()}, List.of(video))[0][0];
        if (clipEvidence != null) {
            vr += config.evidenceVrWeight() * Scores.max(clipEvidence);
        }
        if (videoTerm()) {
            vr += config.videoEvidenceVrWeight() * videoEvidence.videoScores(query.text(), List.of(video.video()))[0];
        }
        return vr;
    }

    private boolean videoTerm() {
        return videoEvidence != null && config.videoEvidenceVrWeight() != 0;
    }

    private MomentSearchPipeline.RankedVideos finish(PreparedQuery query, int[] positions, float[] modelScores, int k) {
        double[] scores = new double[positions.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = modelScores[i];
        }
        float[][] clipEvidence = null;
        boolean clipTerm = evidence != null && config.evidenceVrWeight() != 0;
        if (clipTerm || videoTerm()) {
            Integer[] byModel = order(scores);
            int pool = positions.length <= EVIDENCE_ALL_LIMIT ? positions.length : Math.min(positions.length, 4 * k);
            List<Video> videos = new ArrayList<>(pool);
            for (int i = 0; i < pool; i++) {
                videos.add(corpus.get(positions[byModel[i]]).video());
            }
            if (clipTerm) {
                List<float[]> found = evidence.clipScores(query.text(), videos);
                clipEvidence = new float[positions.length][];
                for (int i = 0; i < pool; i++) {
                    clipEvidence[byModel[i]] = found.get(i);
                    scores[byModel[i]] += config.evidenceVrWeight() * Scores.max(found.get(i));
                }
            }
            if (videoTerm()) {
                double[] found = videoEvidence.videoScores(query.text(), videos);
                for (int i = 0; i < pool; i++) {
                    scores[byModel[i]] += config.videoEvidenceVrWeight() * found[i];
                }
            }
        }
        Integer[] order = order(scores);
        int n = order.length;
        int[] sortedPositions = new int[n];
        double[] sortedScores = new double[n];
        List<float[]> sortedEvidence = clipEvidence == null ? null : new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sortedPositions[i] = positions[order[i]];
            sortedScores[i] = scores[order[i]];
            if (sortedEvidence != null) {
                float[] e = clipEvidence[order[i]];
                sortedEvidence.add(e == null ? new float[0] : e);
            }
        }
        boolean complete = sortedEvidence != null && sortedEvidence.stream().limit(Math.min(n, k)).allMatch(e -> e.length > 0);
        return new MomentSearchPipeline.RankedVideos(query, sortedPositions, sortedScores, complete ? sortedEvidence : null);
    }

    private static Integer[] order(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        return order;
    }
}
