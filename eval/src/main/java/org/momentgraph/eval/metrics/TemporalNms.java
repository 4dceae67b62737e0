package org.momentgraph.eval.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.Moment;

/**
 * Greedy temporal non-maximum suppression over a ranked list: walking the list in its order (the
 * ranking, not the score), a moment is dropped when its IoU with an already kept moment <em>of the
 * same video</em> exceeds the threshold. Per video, so one call serves VCMR and SVMR alike.
 */
public final class TemporalNms {

    private final double threshold;

    public TemporalNms(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("NMS IoU threshold must be in [0, 1], got " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    public List<Moment> apply(List<Moment> ranked) {
        List<Moment> kept = new ArrayList<>();
        Map<String, List<Moment>> keptByVideo = new HashMap<>();
        for (Moment m : ranked) {
            List<Moment> sameVideo = keptByVideo.computeIfAbsent(m.videoId(), v -> new ArrayList<>());
            boolean suppressed = false;
            for (Moment k : sameVideo) {
                if (TemporalIou.iou(k.start(), k.end(), m.start(), m.end()) > threshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                sameVideo.add(m);
                kept.add(m);
            }
        }
        return kept;
    }
}
