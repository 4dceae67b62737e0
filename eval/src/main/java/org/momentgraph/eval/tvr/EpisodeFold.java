package org.momentgraph.eval.tvr;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.momentgraph.domain.Query;

/**
 * One fold of a split by episode: the test queries are those of {@code testEpisodes}, the training
 * queries all others. The retrieval corpus is not split: VCMR and VR rank over the whole corpus in
 * every fold, as the held-out half will be scored (a test query's own clip competes with every clip,
 * training clips included).
 *
 * @param index        0-based fold number
 * @param testEpisodes episodes whose queries are tested in this fold
 * @param train        queries of all other episodes
 * @param test         queries of {@code testEpisodes}
 */
public record EpisodeFold(int index, SortedSet<String> testEpisodes, List<Query> train, List<Query> test) {

    public EpisodeFold {
        testEpisodes = Collections.unmodifiableSortedSet(new TreeSet<>(testEpisodes));
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
