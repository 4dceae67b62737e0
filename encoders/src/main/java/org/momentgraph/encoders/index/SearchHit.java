package org.momentgraph.encoders.index;

/** One retrieved video: its ordinal in the {@link CorpusIndex}, its id and its dot-product score. */
public record SearchHit(int ordinal, String videoId, float score) {
}
