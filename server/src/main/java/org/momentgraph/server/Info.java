package org.momentgraph.server;

/** The loaded model's name, the number of indexed videos and the software version. */
public record Info(String model, int corpusSize, String version) {
}
