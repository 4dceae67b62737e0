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

    @Test
    void lossFallsAndHeldOutMomentsOutscoreOtherClips(@TempDir Path dir) {
        CorpusWriter.write(SyntheticConfig.builder().videos(24).seed(3).build(), dir, (done, total, s) -> { });
        FilterCorpus corpus;
        Map<String, String> split = new LinkedHashMap<>();
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
            corpus = FilterCorpus.build(videos, synthetic.detectionsByVideo(), queries,
                    new GraphPairEncoder(FAKE_EMBEDDING, DIM), QueryParser.load(), split::get);
        }
        List<FilterCorpus.VideoEntry> train = corpus.videos().values().stream()
                .filter(v -> v.group().equals("train")).toList();
        List<FilterCorpus.VideoEntry> heldOut = corpus.videos().values().stream()
                .filter(v -> !v.group().equals("train")).toList();
        assertThat(heldOut).isNotEmpty();
        GraphPairEncoder encoder = new GraphPairEncoder(FAKE_EMBEDDING, DIM);
        try (GraphFilterModel model = GraphFilterModel.create(encoder.config(16, 1), 5)) {
            List<FilterCorpus.QueryEntry> trainQueries = corpus.queries().stream()
                    .filter(q -> split.get(q.query().videoId()).equals("train")).toList();
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

    private static float mean(float[] values, int from, int to) {
        float sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
