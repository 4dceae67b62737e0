package org.momentgraph.eval.filter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.momentgraph.graph.mp.ClipFilter;

/**
 * Recall/pruning curves of a scorer on a set of test queries. Each query's candidates are the
 * clips of its own video plus those of {@code otherVideos} other test videos drawn with a fixed
 * seed (0 = within-video filtering); curves are kept overall and per query "difficulty" attribute.
 * With {@code imputeEmpty}, clips without objects take their video's mean score
 * ({@link ClipFilter.VideoScores#withEvidence}), for every scorer alike.
 */
public final class FilterEvaluation {

    private FilterEvaluation() {
    }

    /** Curves by key: "all", then "difficulty=TAG" for tagged queries. */
    public static Map<String, RecallCurve> evaluate(List<FilterCorpus.QueryEntry> queries,
            List<FilterCorpus.VideoEntry> videos, ClipScorer scorer, int otherVideos, double videoWeight, long seed,
            boolean imputeEmpty) {
        Map<String, FilterCorpus.VideoEntry> byId = new LinkedHashMap<>();
        videos.forEach(v -> byId.put(v.video().id(), v));
        Map<String, RecallCurve> curves = new LinkedHashMap<>();
        curves.put("all", new RecallCurve());
        Random random = new Random(seed);
        for (FilterCorpus.QueryEntry q : queries) {
            FilterCorpus.VideoEntry own = byId.get(q.query().videoId());
            if (own == null) {
                continue;
            }
            List<FilterCorpus.VideoEntry> candidates = new ArrayList<>();
            candidates.add(own);
            List<FilterCorpus.VideoEntry> others = new ArrayList<>(videos);
            others.remove(own);
            for (int i = 0; i < otherVideos && !others.isEmpty(); i++) {
                candidates.add(others.remove(random.nextInt(others.size())));
            }
            List<float[]> scores = scorer.scores(q, candidates);
            List<ClipFilter.VideoScores> videoScores = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                FilterCorpus.VideoEntry v = candidates.get(i);
                boolean[] evidence = new boolean[v.clips().size()];
                for (int c = 0; c < evidence.length; c++) {
                    evidence[c] = v.clips().get(c).size() > 0;
                }
                videoScores.add(imputeEmpty
                        ? ClipFilter.VideoScores.withEvidence(v.video().id(), scores.get(i), evidence)
                        : new ClipFilter.VideoScores(v.video().id(), scores.get(i)));
            }
            List<ClipFilter.ClipRef> ranked = ClipFilter.rank(videoScores, videoWeight);
            Set<String> truth = new HashSet<>();
            q.groundTruth().forEach(c -> truth.add(own.video().id() + "#" + c));
            curves.get("all").add(ranked, truth);
            String difficulty = q.query().attributes().get("difficulty");
            if (difficulty != null) {
                curves.computeIfAbsent("difficulty=" + difficulty, k -> new RecallCurve()).add(ranked, truth);
            }
        }
        return curves;
    }
}
