package org.momentgraph.server;

import java.util.Objects;

/**
 * One retrieved moment: the video, its span in seconds, the final moment score, the video
 * retrieval score that ranked the video, and why it matched.
 */
public record SearchHit(String video, double start, double end, double score, double vrScore,
                        Explanation explanation) {

    public SearchHit {
        Objects.requireNonNull(video, "video");
        if (!(end >= start)) {
            throw new IllegalArgumentException("moment needs start <= end, got [" + start + ", " + end + "]");
        }
        explanation = explanation == null ? Explanation.NONE : explanation;
    }
}
