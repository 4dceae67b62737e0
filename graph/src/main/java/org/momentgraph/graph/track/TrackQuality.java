package org.momentgraph.graph.track;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How well tracks follow known objects.
 *
 * @param purity        share of observations whose track's dominant object is their own object (1 = no
 *                      track mixes objects)
 * @param fragmentation mean number of tracks an object is split over (1 = no object is split)
 * @param tracks        number of tracks
 * @param objects       number of distinct true objects
 */
public record TrackQuality(double purity, double fragmentation, int tracks, int objects) {

    /**
     * Measures tracks against ground truth.
     *
     * @param truth the true object id of an observation; observations mapping to null (false positives)
     *              count against purity but belong to no object
     */
    public static <K> TrackQuality measure(List<Track> tracks, Function<TrackPoint, K> truth) {
        long total = 0;
        long pure = 0;
        Map<K, Set<Integer>> tracksOfObject = new HashMap<>();
        for (Track track : tracks) {
            Map<K, Integer> counts = new HashMap<>();
            int best = 0;
            for (TrackPoint p : track.points()) {
                K id = truth.apply(p);
                total++;
                if (id != null) {
                    best = Math.max(best, counts.merge(id, 1, Integer::sum));
                    tracksOfObject.computeIfAbsent(id, k -> new HashSet<>()).add(track.id());
                }
            }
            pure += best;
        }
        double purity = total == 0 ? 1 : (double) pure / total;
        double fragmentation = tracksOfObject.isEmpty() ? 1
                : tracksOfObject.values().stream().mapToInt(Set::size).average().orElse(1);
        return new TrackQuality(purity, fragmentation, tracks.size(), tracksOfObject.size());
    }
}
