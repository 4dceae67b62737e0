package org.momentgraph.graph.mp;

/**
 * How much of a query's candidate set the clip filter keeps.
 *
 * @param keepFraction fraction of all candidate clips kept (0, 1]; at least one clip is kept
 * @param maxVideos    keep clips of at most this many videos (ranked by their best clip); 0 = no limit
 * @param videoWeight  weight of a video's best clip score added to each of its clips' scores, so
 *                     clips of a clearly relevant video outrank stray high clips elsewhere (and
 *                     clips without evidence, e.g. without boxes, inherit their video's relevance)
 */
public record FilterBudget(double keepFraction, int maxVideos, double videoWeight) {

    public FilterBudget {
        if (!(keepFraction > 0 && keepFraction <= 1) || maxVideos < 0 || !Double.isFinite(videoWeight)) {
            throw new IllegalArgumentException("budget needs keepFraction in (0, 1], maxVideos >= 0 and a finite "
                    + "videoWeight, got " + keepFraction + ", " + maxVideos + ", " + videoWeight);
        }
    }

    public static FilterBudget keep(double fraction) {
        return new FilterBudget(fraction, 0, 1);
    }
}
