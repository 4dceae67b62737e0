package org.momentgraph.encoders.model;

/** How token/clip positions enter a {@link FeatureEncoder}. */
public enum PositionEncoding {
    /** Fixed sine/cosine table (Vaswani et al.): works for any length, no parameters. */
    SINUSOIDAL,
    /** A trained table of {@code maxPositions} rows (XML, ReLoCLNet): longer inputs are rejected. */
    LEARNED
}
