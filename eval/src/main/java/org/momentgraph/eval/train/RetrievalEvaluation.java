package org.momentgraph.eval.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.encoders.inference.LoadedRetriever;
import org.momentgraph.eval.metrics.TvrEvalOptions;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.metrics.TvrReport;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;

/**
 * Scores a retriever on one split through the inference path and TVRetrieval's metrics: VR ranks
 * the split's videos by the model's video score, SVMR decodes the query's own video, VCMR decodes
 * the {@link #VCMR_VIDEOS} best videos and ranks (video, span) pairs by
 * {@code P(video) x P(start) x P(end)}, P(video) a softmax over those videos' scores at the
 * temperature {@code tau}. Results overall and per query "difficulty" attribute.
 */
public final class RetrievalEvaluation {

    /** Videos localised per query for VCMR. */
    public static final int VCMR_VIDEOS = 10;
    private static final int SPANS = 10;

    private final TvrEvaluator evaluator = new TvrEvaluator(TvrEvalOptions.defaults());
    private final boolean vcmr;
    private final double tau;

    /**
     * @param vcmr also run VCMR (costs {@link #VCMR_VIDEOS} localisations per query)
     * @param tau video-score temperature of VCMR's P(video) (VideoCL's, 0.05 by default)
     */
    public RetrievalEvaluation(boolean vcmr, double tau) {
        this.vcmr = vcmr;
        this.tau = tau;
    }

    /** Scores keyed "SVMR R1@0.5", "VR R1", "VCMR R10@0.7"... overall ("all") and per difficulty. */
    public Map<String, Map<String, Double>> evaluate(LoadedRetriever retriever, TrainingSet set, String split) {
        List<MomentExample> examples = set.split(split);
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        if (examples.isEmpty()) {
            return out;
        }
        float[][] queries = retriever.encodeQueryTokens(examples.stream().map(MomentExample::queryTokens).toList());
        List<EncodedVideo> corpus = retriever.encodeVideos(set.corpus(split));
        Map<String, Integer> index = new LinkedHashMap<>();
        corpus.forEach(v -> index.put(v.id(), index.size()));
        float[][] scores = retriever.videoScores(queries, corpus);

        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        List<RankedMoments> vr = new ArrayList<>();
        List<Integer[]> ranked = new ArrayList<>();
        for (int q = 0; q < examples.size(); q++) {
            Integer[] order = rank(scores[q]);
            ranked.add(order);
            List<Moment> videos = new ArrayList<>();
            for (int k = 0; k < Math.min(100, order.length); k++) {
                EncodedVideo v = corpus.get(order[k]);
                videos.add(new Moment(v.id(), 0, v.video().duration(), scores[q][order[k]]));
            }
            vr.add(new RankedMoments(examples.get(q).queryId(), examples.get(q).queryText(), videos));
        }
        tasks.put(TvrTask.VR, vr);

        List<float[]> pairQueries = new ArrayList<>();
        List<EncodedVideo> pairVideos = new ArrayList<>();
        for (int q = 0; q < examples.size(); q++) {
            pairQueries.add(queries[q]);
            pairVideos.add(corpus.get(index.get(examples.get(q).videoId())));
        }
        List<float[][]> own = retriever.boundaryLogits(pairQueries, pairVideos);
        List<RankedMoments> svmr = new ArrayList<>();
        for (int q = 0; q < examples.size(); q++) {
            svmr.add(new RankedMoments(examples.get(q).queryId(), examples.get(q).queryText(),
                    retriever.decode(pairVideos.get(q), own.get(q), SPANS)));
        }
        tasks.put(TvrTask.SVMR, svmr);
        if (vcmr) {
            tasks.put(TvrTask.VCMR, vcmr(retriever, examples, queries, corpus, scores, ranked));
        }
        TvrSubmission submission = TvrSubmission.of(tasks);
        List<Query> truth = examples.stream().map(MomentExample::query).toList();
        out.put("all", scores(evaluator.evaluate(truth, submission)));
        Map<String, List<Integer>> byDifficulty = new TreeMap<>();
        for (int q = 0; q < examples.size(); q++) {
            String d = examples.get(q).attribute("difficulty");
            if (d != null) {
                byDifficulty.computeIfAbsent(d, k -> new ArrayList<>()).add(q);
            }
        }
        byDifficulty.forEach((difficulty, members) -> {
            Map<TvrTask, List<RankedMoments>> subset = new EnumMap<>(TvrTask.class);
            tasks.forEach((task, list) -> subset.put(task, members.stream().map(list::get).toList()));
            out.put(difficulty, scores(evaluator.evaluate(members.stream().map(truth::get).toList(),
                    TvrSubmission.of(subset))));
        });
        return out;
    }

    private List<RankedMoments> vcmr(LoadedRetriever retriever, List<MomentExample> examples, float[][] queries,
            List<EncodedVideo> corpus, float[][] scores, List<Integer[]> ranked) {
        int top = Math.min(VCMR_VIDEOS, corpus.size());
        List<float[]> pairQueries = new ArrayList<>();
        List<EncodedVideo> pairVideos = new ArrayList<>();
        for (int q = 0; q < examples.size(); q++) {
            for (int k = 0; k < top; k++) {
                pairQueries.add(queries[q]);
                pairVideos.add(corpus.get(ranked.get(q)[k]));
            }
        }
        List<float[][]> logits = retriever.boundaryLogits(pairQueries, pairVideos);
        List<RankedMoments> out = new ArrayList<>();
        for (int q = 0; q < examples.size(); q++) {
            double max = scores[q][ranked.get(q)[0]];
            double norm = 0;
            for (int k = 0; k < top; k++) {
                norm += Math.exp((scores[q][ranked.get(q)[k]] - max) / tau);
            }
            List<Moment> moments = new ArrayList<>();
            for (int k = 0; k < top; k++) {
                double pVideo = Math.exp((scores[q][ranked.get(q)[k]] - max) / tau) / norm;
                int pair = q * top + k;
                for (Moment m : retriever.decode(pairVideos.get(pair), logits.get(pair), SPANS)) {
                    moments.add(new Moment(m.videoId(), m.start(), m.end(), pVideo * m.score()));
                }
            }
            moments.sort(Comparator.comparingDouble(Moment::score).reversed());
            out.add(new RankedMoments(examples.get(q).queryId(), examples.get(q).queryText(),
                    moments.subList(0, Math.min(100, moments.size()))));
        }
        return out;
    }

    private static Integer[] rank(float[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
        return order;
    }

    private static Map<String, Double> scores(TvrReport report) {
        Map<String, Double> out = new LinkedHashMap<>();
        report.tasks().forEach((task, s) -> s.recall().forEach((key, value) -> {
            if (task == TvrTask.VR) {
                out.put("VR " + key.toUpperCase(), value);
            } else {
                String[] parts = key.split("-r");
                out.put(task + " R" + parts[1] + "@" + parts[0], value);
            }
        }));
        return out;
    }
}
