package org.momentgraph.encoders.text;

import java.util.List;
import org.momentgraph.graph.query.WordEmbedder;

/**
 * Lets the query-graph parser give its nodes MiniLM features: each word of the sentence gets the
 * mean of its wordpieces' contextual states (the sentence is encoded once, words joined by spaces).
 */
public final class MiniLmWordEmbedder implements WordEmbedder {

    private final MiniLmTextEncoder encoder;

    public MiniLmWordEmbedder(MiniLmTextEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public float[][] embed(List<String> words) {
        return encoder.embedWords(words);
    }
}
