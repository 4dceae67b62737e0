package org.momentgraph.eval.synthetic;

/**
 * One line of dialogue, TVR style: "Speaker: words".
 *
 * @param start seconds
 * @param end   seconds
 * @param text  the line, prefixed with the speaker's name
 */
public record SubtitleLine(double start, double end, String text) {
}
