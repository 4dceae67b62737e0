package org.momentgraph.graph.mp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The clip filter: ranks a query's candidate clips (over one or many videos) by relevance score
 * and keeps the smallest prefix the budget allows. Scores may come from the graph network or from
 * any other scorer (e.g. {@link PresenceScorer}).
 */
public final class ClipFilter {

    /**
     * One candidate video's clip scores, in grid order. A clip without evidence (no detected objects:
     * its score says nothing) takes the mean score of the video's clips with evidence, so it is ranked
     * by what its video shows rather than pushed to the bottom.
     */
    public record VideoScores(String videoId, float[] clipScores) {

        /** Scores with clips where {@code evidence} is false replaced by the mean of the others. */
        public static VideoScores withEvidence(String videoId, float[] scores, boolean[] evidence) {
            double sum = 0;
            int count = 0;
            for (int i = 0; i < scores.length; i++) {
                if (evidence[i]) {
                    sum += scores[i];
                    count++;
                }
            }
            float[] out = scores.clone();
            if (count > 0 && count < scores.length) {
                float mean = (float) (sum / count);
                for (int i = 0; i < scores.length; i++) {
                    if (!evidence[i]) {
                        out[i] = mean;
                    }
                }
            }
            return new VideoScores(videoId, out);
        }

        public float best() {
            float best = Float.NEGATIVE_INFINITY;
            for (float s : clipScores) {
                best = Math.max(best, s);
            }
            return best;
        }
    }

    /** A kept (or ranked) clip with its combined score. */
    public record ClipRef(String videoId, int clip, double score) {
    }

    private ClipFilter() {
    }

    /**
     * Every candidate clip, best first: clip score plus {@code videoWeight} x the video's best
     * clip score; ties keep video then grid order, so the ranking is deterministic.
     */
    public static List<ClipRef> rank(List<VideoScores> videos, double videoWeight) {
        List<ClipRef> all = new ArrayList<>();
        for (VideoScores v : videos) {
            double bonus = v.clipScores().length == 0 ? 0 : videoWeight * v.best();
            for (int c = 0; c < v.clipScores().length; c++) {
                all.add(new ClipRef(v.videoId(), c, v.clipScores()[c] + bonus));
            }
        }
        all.sort(Comparator.comparingDouble(ClipRef::score).reversed());
        return all;
    }

    /** The clips the budget keeps, best first. */
    public static List<ClipRef> keep(List<VideoScores> videos, FilterBudget budget) {
        List<VideoScores> candidates = videos;
        if (budget.maxVideos() > 0 && videos.size() > budget.maxVideos()) {
            VideoScores[] sorted = videos.toArray(VideoScores[]::new);
            Arrays.sort(sorted, Comparator.comparingDouble(VideoScores::best).reversed());
            candidates = List.of(Arrays.copyOf(sorted, budget.maxVideos()));
        }
        int total = videos.stream().mapToInt(v -> v.clipScores().length).sum();
        List<ClipRef> ranked = rank(candidates, budget.videoWeight());
        int kept = (int) Math.min(ranked.size(), Math.max(1, Math.ceil(budget.keepFraction() * total)));
        return List.copyOf(ranked.subList(0, kept));
    }
}
