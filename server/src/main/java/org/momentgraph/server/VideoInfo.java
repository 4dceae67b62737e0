package org.momentgraph.server;

/** A video of the corpus as clients see it: size of its clip grid, feature width and detected frames. */
public record VideoInfo(String id, double duration, double clipLength, int clips, int featureDim, int frames) {
}
