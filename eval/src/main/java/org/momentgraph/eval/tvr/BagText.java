package org.momentgraph.eval.tvr;

/** How a bag of box labels becomes one vector to compare with a query's sentence embedding. */
public enum BagText {
    /** MiniLM sentence embedding of the distinct labels joined by spaces, most frequent first ("sheldon couch cup"). */
    JOINED,
    /**
     * Mean of the labels' own MiniLM embeddings, each weighted by the share of annotated frames showing
     * it; per clip this is the object stream's pooled label block.
     */
    MEAN
}
