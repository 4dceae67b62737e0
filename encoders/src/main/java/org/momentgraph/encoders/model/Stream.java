package org.momentgraph.encoders.model;

/**
 * The per-clip feature streams of a video, in the fixed order the encoders stack them: visual
 * features always, subtitle and graph/object features when the config gives them a dimension.
 */
public enum Stream {
    VISUAL,
    SUBTITLE,
    GRAPH
}
