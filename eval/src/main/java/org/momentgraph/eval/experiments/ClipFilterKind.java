package org.momentgraph.eval.experiments;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which clip evidence screens a search's clips before localisation (and weights moment and VR scores):
 * the trained graph message-passing filter, object presence on the same query/clip graphs, the
 * label-bag cosine of {@link org.momentgraph.encoders.pipeline.LabelBagEvidence}, or none.
 */
public enum ClipFilterKind {
    /** The trained {@link org.momentgraph.graph.mp.GraphFilterModel}, trained on held-in queries only. */
    GRAPH("graph"),
    /** {@link org.momentgraph.graph.mp.PresenceScorer}: share of the query's entities among the clip's objects. */
    PRESENCE("presence"),
    /** Cosine of the query's words and the clip's object labels. */
    LABEL_BAG("label-bag"),
    /** No clip evidence: every candidate clip is localised. */
    NONE("none");

    private final String jsonName;

    ClipFilterKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in configs and on the command line. */
    public String jsonName() {
        return jsonName;
    }

    public boolean enabled() {
        return this != NONE;
    }

    /** Whether the evidence reads query and clip graphs (needs the query parser and graph encoding). */
    public boolean graphBased() {
        return this == GRAPH || this == PRESENCE;
    }

    /** The kind named {@code name}; an IllegalArgumentException lists the valid names. */
    public static ClipFilterKind of(String name) {
        for (ClipFilterKind k : values()) {
            if (k.jsonName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("expected one of " + names() + ", got '" + name + "'");
    }

    /** The valid names, quoted, e.g. {@code "graph", "presence", "label-bag", "none"}. */
    public static String names() {
        return Arrays.stream(values()).map(k -> '"' + k.jsonName + '"').collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
