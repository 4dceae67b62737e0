package org.momentgraph.eval.tvr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.momentgraph.domain.Query;

/**
 * K-fold split of queries by episode ({@link TvrTvqaPlusDataset#episodeOf}), so that no episode's
 * clips, characters' outfits or sets are in both the training and the test side of a fold.
 * Deterministic for a seed: episodes are sorted, shuffled with {@code new Random(seed)}, then each
 * goes to the fold with the fewest queries so far (lowest index on ties), which keeps folds balanced
 * in queries rather than in episodes.
 */
public final class EpisodeFolds {

    public static final int DEFAULT_FOLDS = 5;
    public static final long DEFAULT_SEED = 2020L;

    private EpisodeFolds() {
    }

    public static List<EpisodeFold> split(List<Query> queries) {
        return split(queries, DEFAULT_FOLDS, DEFAULT_SEED);
    }

    public static List<EpisodeFold> split(List<Query> queries, int k, long seed) {
        Map<String, List<Query>> byEpisode = new TreeMap<>();
        for (Query q : queries) {
            byEpisode.computeIfAbsent(TvrTvqaPlusDataset.episodeOf(q.videoId()), e -> new ArrayList<>()).add(q);
        }
        if (k < 2 || k > byEpisode.size()) {
            throw new IllegalArgumentException("need 2 <= k <= " + byEpisode.size() + " episodes, got k = " + k);
        }
        List<String> episodes = new ArrayList<>(byEpisode.keySet());
        Collections.shuffle(episodes, new Random(seed));
        List<SortedSet<String>> foldEpisodes = new ArrayList<>();
        int[] sizes = new int[k];
        for (int f = 0; f < k; f++) {
            foldEpisodes.add(new TreeSet<>());
        }
        for (String episode : episodes) {
            int smallest = 0;
            for (int f = 1; f < k; f++) {
                if (sizes[f] < sizes[smallest]) {
                    smallest = f;
                }
            }
            foldEpisodes.get(smallest).add(episode);
            sizes[smallest] += byEpisode.get(episode).size();
        }
        List<EpisodeFold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            List<Query> train = new ArrayList<>();
            List<Query> test = new ArrayList<>();
            for (Query q : queries) {
                (foldEpisodes.get(f).contains(TvrTvqaPlusDataset.episodeOf(q.videoId())) ? test : train).add(q);
            }
            folds.add(new EpisodeFold(f, foldEpisodes.get(f), train, test));
        }
        return folds;
    }
}
