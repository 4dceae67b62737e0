package org.momentgraph.graph.query;

import java.util.List;

/**
 * Gives a vector per word of a tokenised sentence, so that query-graph nodes can carry features
 * without the graph module depending on any particular text encoder. Implementations may be
 * contextual (the same word gets different vectors in different sentences): they receive the whole
 * sentence's words at once.
 */
@FunctionalInterface
public interface WordEmbedder {

    /**
     * Embeds the words of one sentence.
     *
     * @param words the sentence's tokens, in order
     * @return one vector per word (same order, same length as {@code words}); all of one dimension
     */
    float[][] embed(List<String> words);
}
