package org.momentgraph.domain;

/**
 * The retrieval grid of a video: clip i covers [i * clipLength, min((i + 1) * clipLength, duration)).
 * The last clip may be shorter, as in TVR (1.5 s clips) and QVHighlights (2 s clips).
 */
public record ClipGrid(double duration, double clipLength) {

    public int size() {
        return Math.max(1, (int) Math.ceil(duration / clipLength - 1e-9));
    }

    public double clipStart(int i) {
        return i * clipLength;
    }

    public double clipEnd(int i) {
        return Math.min((i + 1) * clipLength, duration);
    }

    public Span clipSpan(int i) {
        return new Span(clipStart(i), clipEnd(i));
    }

    /** The clip that contains time t, clamped to the grid. */
    public int clipAt(double t) {
        int i = (int) Math.floor(t / clipLength);
        return Math.max(0, Math.min(size() - 1, i));
    }

    /** The span covered by clips first..last inclusive. */
    public Span span(int first, int last) {
        return new Span(clipStart(first), clipEnd(last));
    }
}
