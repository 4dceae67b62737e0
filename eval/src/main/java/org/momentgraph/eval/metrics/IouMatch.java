package org.momentgraph.eval.metrics;

/** When a prediction counts as a hit at an IoU threshold. One convention per run, never mixed. */
public enum IouMatch {
    /** {@code IoU >= threshold}: TVRetrieval, Moment-DETR and most moment-retrieval code. */
    AT_LEAST(">="),
    /** {@code IoU > threshold}: 2D-TAN's evaluation. */
    GREATER(">");

    private final String symbol;

    IouMatch(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Compared in single precision, as eval.py compares its float32 IoUs with a Python float. */
    public boolean hit(float iou, float threshold) {
        return this == AT_LEAST ? iou >= threshold : iou > threshold;
    }
}
