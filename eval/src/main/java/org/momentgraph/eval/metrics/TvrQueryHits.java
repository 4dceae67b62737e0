package org.momentgraph.eval.metrics;

import java.util.List;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;

/**
 * One query's ranked list judged against its ground truth, as rows of eval.py's pred_info_matrix:
 * whether each prediction names the right video and whether it is a hit at each IoU threshold. A
 * wrong-video prediction has IoU 0 (and still occupies its rank).
 */
final class TvrQueryHits {

    /** DiDeMo-style ground truth (4+ annotator windows): a hit must overlap at least this many. */
    private static final int DIDEMO_MIN_WINDOWS = 4;
    private static final int DIDEMO_MIN_OVERLAPS = 2;

    private final boolean[] videoMatch;
    private final boolean[][] hits;
    private final float topIou;
    private final float topSameVideoIou;

    private TvrQueryHits(boolean[] videoMatch, boolean[][] hits, float topIou, float topSameVideoIou) {
        this.videoMatch = videoMatch;
        this.hits = hits;
        this.topIou = topIou;
        this.topSameVideoIou = topSameVideoIou;
    }

    /** Judges the first {@code options.maxPredictions()} of {@code ranked} (already NMS-filtered if wanted). */
    static TvrQueryHits judge(Query gt, List<Moment> ranked, TvrEvalOptions options) {
        List<Span> spans = options.endClipping().apply(gt);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("query " + gt.id() + " has no ground-truth span");
        }
        List<Double> thresholds = options.iouThresholds();
        int n = Math.min(ranked.size(), options.maxPredictions());
        boolean[] videoMatch = new boolean[n];
        boolean[][] hits = new boolean[thresholds.size()][n];
        float topIou = 0f;
        float topSameVideoIou = 0f;
        boolean seenSameVideo = false;
        for (int i = 0; i < n; i++) {
            Moment m = ranked.get(i);
            videoMatch[i] = m.videoId().equals(gt.videoId());
            float[] ious = new float[spans.size()];
            float best = 0f;
            for (int s = 0; s < spans.size(); s++) {
                Span g = spans.get(s);
                ious[s] = videoMatch[i] ? TemporalIou.iou32(m.start(), m.end(), g.start(), g.end()) : 0f;
                best = Math.max(best, ious[s]);
            }
            for (int t = 0; t < thresholds.size(); t++) {
                hits[t][i] = isHit(ious, options.match(), thresholds.get(t).floatValue());
            }
            if (i == 0) {
                topIou = best;
            }
            if (videoMatch[i] && !seenSameVideo) {
                topSameVideoIou = best;
                seenSameVideo = true;
            }
        }
        return new TvrQueryHits(videoMatch, hits, topIou, topSameVideoIou);
    }

    /**
     * One window: IoU against the threshold. 4+ windows (DiDeMo): eval.py's rule, at least 2 windows
     * matched. 2-3 windows (not a TVR case; eval.py would misread them): any window matched.
     */
    private static boolean isHit(float[] ious, IouMatch match, float threshold) {
        int matched = 0;
        for (float iou : ious) {
            if (match.hit(iou, threshold)) {
                matched++;
            }
        }
        return ious.length >= DIDEMO_MIN_WINDOWS ? matched >= DIDEMO_MIN_OVERLAPS : matched >= 1;
    }

    /** VCMR: a hit among the first k predictions. */
    boolean hitInTop(int threshold, int k) {
        boolean[] row = hits[threshold];
        for (int i = 0; i < Math.min(k, row.length); i++) {
            if (row[i]) {
                return true;
            }
        }
        return false;
    }

    /** SVMR: a hit among the first k predictions that lie in the query's video (others are dropped). */
    boolean hitInTopSameVideo(int threshold, int k) {
        boolean[] row = hits[threshold];
        int seen = 0;
        for (int i = 0; i < row.length && seen < k; i++) {
            if (videoMatch[i]) {
                if (row[i]) {
                    return true;
                }
                seen++;
            }
        }
        return false;
    }

    /** VR: the query's video among the first k predictions (duplicates keep their ranks). */
    boolean videoInTop(int k) {
        for (int i = 0; i < Math.min(k, videoMatch.length); i++) {
            if (videoMatch[i]) {
                return true;
            }
        }
        return false;
    }

    /** IoU of the first prediction, 0 when it names another video or there is none. */
    float topIou() {
        return topIou;
    }

    /** IoU of the first prediction in the query's video, 0 when there is none. */
    float topSameVideoIou() {
        return topSameVideoIou;
    }
}
