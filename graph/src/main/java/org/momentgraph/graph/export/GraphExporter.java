package org.momentgraph.graph.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import org.momentgraph.domain.AtomicFiles;

/**
 * Exports any {@link GraphView} to a file or a string, in any {@link GraphFormat}. Files are written
 * atomically (a reader never sees half a graph).
 *
 * <pre>{@code
 * GraphExporter.write(VideoGraphViews.of(videoGraph), GraphFormat.GRAPHML, Path.of("video.graphml"));
 * }</pre>
 */
public final class GraphExporter {

    private GraphExporter() {
    }

    public static <V, E> void write(GraphView<V, E> view, GraphFormat format, Path target) {
        if (format.rendered()) {
            GraphvizRenderer.render(toText(view, GraphFormat.DOT), format, target);
        } else {
            AtomicFiles.writeText(target, out -> writeText(view, format, out));
        }
    }

    /** The graph as text; for svg and png, the DOT text they are rendered from. */
    public static <V, E> String toText(GraphView<V, E> view, GraphFormat format) {
        StringWriter out = new StringWriter();
        try {
            writeText(view, format.rendered() ? GraphFormat.DOT : format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static <V, E> void writeText(GraphView<V, E> view, GraphFormat format, Writer out) throws IOException {
        switch (format) {
            case DOT -> DotFormat.write(view, out);
            case GRAPHML -> GraphMlFormat.write(view, out);
            case JSON -> NodeLinkJson.write(view, out, NodeLinkJson.EdgeKeys.BOTH);
            case CYTOSCAPE -> NodeLinkJson.writeCytoscape(view, out);
            default -> throw new IllegalArgumentException(format + " is rendered, not written as text");
        }
    }
}
