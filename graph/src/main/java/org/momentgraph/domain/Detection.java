package org.momentgraph.domain;

/** One detected object in one frame. */
public record Detection(String label, double score, Box box) {
}
