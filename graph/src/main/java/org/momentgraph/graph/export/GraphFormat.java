package org.momentgraph.graph.export;

import java.util.Locale;

/** The formats a graph can be exported to. */
public enum GraphFormat {
    DOT("dot", false),
    GRAPHML("graphml", false),
    /** networkx / d3 node-link JSON. */
    JSON("json", false),
    /** Cytoscape.js elements JSON. */
    CYTOSCAPE("cyjs", false),
    /** Rendered by Graphviz {@code dot}. */
    SVG("svg", true),
    PNG("png", true);

    private final String extension;
    private final boolean rendered;

    GraphFormat(String extension, boolean rendered) {
        this.extension = extension;
        this.rendered = rendered;
    }

    public String extension() {
        return extension;
    }

    /** Whether the format needs Graphviz to produce. */
    public boolean rendered() {
        return rendered;
    }

    public static GraphFormat parse(String text) {
        for (GraphFormat f : values()) {
            if (f.name().equalsIgnoreCase(text.trim()) || f.extension.equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown graph format '" + text + "'; known: dot, graphml, json, "
                + "cytoscape, svg, png");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
