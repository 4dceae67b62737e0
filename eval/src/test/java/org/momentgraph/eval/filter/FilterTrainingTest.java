package org.momentgraph.eval.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;
import org.momentgraph.eval.synthetic.CorpusWriter;
import org.momentgraph.eval.synthetic.SyntheticConfig;
import org.momentgraph.eval.synthetic.SyntheticCorpus;
import org.momentgraph.graph.mp.EncodedClip;
import org.momentgraph.graph.mp.GraphFilterModel;
import org.momentgraph.graph.mp.GraphPairEncoder;
import org.momentgraph.graph.query.QueryParser;

/**
 * End to end on a generated corpus: relation graphs from noisy detections, query graphs from the
 * parser, clip-level training. The loss falls, and on held-out videos a clip inside a query's
 * moment outscores clips of other videos (clearly) and the same video's other clips (better than
 * chance: the interactions are hard to read from 2 s of noisy boxes).
 */
class FilterTrainingTest {

    private static final int DIM = 16;
    private static final Function<String, float[]> FAKE_EMBEDDING = text -> {
        float[] v = new float[DIM];
        String padded = "#" + text + "#";
        for (int i = 0; i + 3 <= padded.length(); i++) {
            v[Math.floorMod(padded.substring(i, i + 3).hashCode(), DIM)] += 1;
        }
        return v;
    };

    private final Map<String, String> split = new LinkedHashMap<>();

    @Test
    void lossFallsAndHeldOutMomentsOutscoreOtherClips(@TempDir Path dir) {
        FilterCorpus corpus = corpus(dir);
        List<FilterCorpus.VideoEntry> train = videos(corpus, true);
        List<FilterCorpus.VideoEntry> heldOut = videos(corpus, false);
        assertThat(heldOut).isNotEmpty();
        GraphPairEncoder encoder = new GraphPairEncoder(FAKE_EMBEDDING, DIM);
        try (GraphFilterModel model = GraphFilterModel.create(encoder.config(16, 1), 5)) {
            List<FilterCorpus.QueryEntry> trainQueries = queries(corpus, true);
            float[] losses = new FilterTrainer(80, 6, 3, 6, 3, 5e-3f, 17).train(model, trainQueries, train);
            System.out.println("loss " + mean(losses, 0, 10) + " -> " + mean(losses, losses.length - 10, losses.length));

            assertThat(mean(losses, losses.length - 10, losses.length)).isLessThan(mean(losses, 0, 10));
            // held out: a clip inside the moment against clips of other videos and other clips of its own video
            ClipScorer scorer = ClipScorer.network(model);
            long[] acrossWins = new long[2];
            long[] withinWins = new long[2];
            for (FilterCorpus.QueryEntry q : corpus.queries()) {
                FilterCorpus.VideoEntry own = corpus.videos().get(q.query().videoId());
                if (!heldOut.contains(own)) {
                    continue;
                }
                List<FilterCorpus.VideoEntry> candidates = new ArrayList<>(heldOut);
                candidates.remove(own);
                candidates.add(0, own);
                List<float[]> scores = scorer.scores(q, candidates);
                for (int gt : q.groundTruth()) {
                    if (own.clips().get(gt).size() == 0) {
                        continue;
                    }
                    for (int v = 0; v < candidates.size(); v++) {
                        for (EncodedClip c : candidates.get(v).clips()) {
                            if (c.size() == 0 || v == 0 && q.groundTruth().contains(c.clipIndex())) {
                                continue;
                            }
                            long[] wins = v == 0 ? withinWins : acrossWins;
                            wins[0] += scores.get(0)[gt] > scores.get(v)[c.clipIndex()] ? 1 : 0;
                            wins[1]++;
                        }
                    }
                }
            }
            double across = acrossWins[0] / (double) acrossWins[1];
            double within = withinWins[0] / (double) withinWins[1];
            System.out.println("held-out AUC across videos " + across + ", within video " + within);
            assertThat(acrossWins[1]).isGreaterThan(100);
            assertThat(across).isGreaterThan(0.75);
            assertThat(within).isGreaterThan(0.5);
        }
    }

    @Test
    void earlyStoppingKeepsTheParametersOfTheBestHeldOutCheck(@TempDir Path dir) {
        FilterCorpus corpus = corpus(dir);
        List<FilterCorpus.VideoEntry> train = videos(corpus, true);
        List<FilterCorpus.VideoEntry> heldOut = videos(corpus, false);
        List<FilterCorpus.QueryEntry> trainQueries = queries(corpus, true);
        List<FilterCorpus.QueryEntry> heldOutQueries = queries(corpus, false);
        GraphPairEncoder encoder = new GraphPairEncoder(FAKE_EMBEDDING, DIM);
        // a large learning rate on a small corpus over-fits within a few hundred steps
        FilterTrainer stopping = new FilterTrainer(300, 6, 3, 6, 3, 2e-2f, 17, 10, 3);
        try (GraphFilterModel model = GraphFilterModel.create(encoder.config(16, 1), 5)) {
            FilterTrainer.Outcome outcome = stopping.train(model, trainQueries, train, heldOutQueries, heldOut);
            float[] checks = outcome.heldOutAuc();
            System.out.println("held-out AUC " + java.util.Arrays.toString(checks) + ", kept step "
                    + outcome.keptStep() + " of " + outcome.losses().length);
            assertThat(checks).isNotEmpty();
            int best = 0;
            for (int i = 1; i < checks.length; i++) {
                best = checks[i] > checks[best] ? i : best;
            }
            assertThat(checks[best]).isBetween(0.5f, 1f);
            assertThat(outcome.keptStep()).isEqualTo(Math.min(10 * (best + 1), outcome.losses().length));
            // stopped three checks after the best one without a better ranking, or at the most steps
            assertThat(outcome.losses()).hasSize(Math.min(300, outcome.keptStep() + 3 * 10));

            // the model holds the best check's parameters: read again on the same held-out groups, it ranks them
            // exactly as that check did (inference is deterministic; training is not, in the last digits)
            assertThat(stopping.heldOutAuc(model, heldOutQueries, heldOut)).isEqualTo(checks[best]);
        }
    }

    @Test
    void withoutAHeldOutSplitEveryTenthVideoIsHeldOutAndNotTrainedOn(@TempDir Path dir) {
        FilterCorpus corpus = corpus(dir);
        List<FilterCorpus.VideoEntry> videos = List.copyOf(corpus.videos().values());
        assertThat(videos).hasSizeGreaterThanOrEqualTo(20).hasSizeLessThan(30);
        FilterTrainer.HeldOutSplit split = FilterTrainer.HeldOutSplit.everyTenthVideo(corpus.queries(), videos);

        assertThat(split.heldOutVideos()).containsExactly(videos.get(9), videos.get(19));
        assertThat(split.trainVideos()).hasSize(videos.size() - 2).doesNotContainAnyElementsOf(split.heldOutVideos());
        java.util.Set<String> heldOutIds = new java.util.HashSet<>();
        split.heldOutVideos().forEach(v -> heldOutIds.add(v.video().id()));
        assertThat(split.heldOutQueries()).isNotEmpty().allMatch(q -> heldOutIds.contains(q.query().videoId()));
        assertThat(split.trainQueries()).noneMatch(q -> heldOutIds.contains(q.query().videoId()));
        assertThat(split.trainQueries().size() + split.heldOutQueries().size()).isEqualTo(corpus.queries().size());

        GraphPairEncoder encoder = new GraphPairEncoder(FAKE_EMBEDDING, DIM);
        try (GraphFilterModel model = GraphFilterModel.create(encoder.config(16, 1), 5)) {
            FilterTrainer.Outcome outcome = new FilterTrainer(40, 6, 3, 6, 3, 5e-3f, 17, 20, 2)
                    .trainHoldingOutVideos(model, corpus.queries(), videos);
            assertThat(outcome.heldOutAuc()).hasSize(2);
            assertThat(outcome.losses()).hasSize(40);
        }
    }

    /** The training split's videos, or the others. */
    private static List<FilterCorpus.VideoEntry> videos(FilterCorpus corpus, boolean train) {
        return corpus.videos().values().stream().filter(v -> v.group().equals("train") == train).toList();
    }

    private List<FilterCorpus.QueryEntry> queries(FilterCorpus corpus, boolean train) {
        return corpus.queries().stream().filter(q -> split.get(q.query().videoId()).equals("train") == train).toList();
    }

    private FilterCorpus corpus(Path dir) {
        CorpusWriter.write(SyntheticConfig.builder().videos(24).seed(3).build(), dir, (done, total, s) -> { });
        try (SyntheticCorpus synthetic = SyntheticCorpus.load(dir)) {
            List<Video> videos = new ArrayList<>();
            synthetic.videos().forEach(v -> {
                videos.add(v.video());
                split.put(v.video().id(), v.split());
            });
            List<Query> queries = new ArrayList<>();
            for (String s : List.of("train", "val", "test")) {
                queries.addAll(synthetic.queries(s));
            }
            return FilterCorpus.build(videos, synthetic.detectionsByVideo(), queries,
                    new GraphPairEncoder(FAKE_EMBEDDING, DIM), QueryParser.load(), split::get);
        }
    }

    private static float mean(float[] values, int from, int to) {
        float sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
