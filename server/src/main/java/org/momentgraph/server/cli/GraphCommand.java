package org.momentgraph.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;
import org.momentgraph.eval.data.DetectionsJsonl;
import org.momentgraph.eval.data.JsonLines;
import org.momentgraph.graph.export.GraphExporter;
import org.momentgraph.graph.export.GraphFormat;
import org.momentgraph.graph.export.GraphView;
import org.momentgraph.graph.export.VideoGraphViews;
import org.momentgraph.graph.video.VideoGraph;
import org.momentgraph.graph.video.VideoGraphBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds a video's relation graph from a corpus' detections and exports it. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Build the relation graph of one video (tracks, per-clip relations, temporal links) from "
                + "DIR/detections.jsonl and DIR/videos.jsonl, and export it as DOT, GraphML, node-link JSON, "
                + "Cytoscape.js JSON, or SVG/PNG (needs Graphviz).",
        footer = {"", "Examples:",
            "  ./momentgraph graph --video v0001 --data corpus --format json --out v0001.json",
            "  ./momentgraph graph --video v0001 --data corpus --clip 3 --format svg --out clip3.svg",
            "  ./momentgraph graph --video syn000003 --data runs/synthetic --query \"Alice picks up the cup.\" "
                + "--model runs/filter-model --format json"})
final class GraphCommand implements Callable<Integer> {

    @Option(names = "--video", required = true, description = "video id")
    String video;

    @Option(names = "--data", required = true, description = "corpus folder with detections.jsonl and videos.jsonl")
    Path data;

    @Option(names = "--format", defaultValue = "json",
            description = "dot, graphml, json, cytoscape, svg or png (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", description = "output file (default: standard output; VIDEO.FORMAT for svg/png)")
    Path out;

    @Option(names = "--clip", description = "export only this clip's graph (0-based index)")
    Integer clip;

    @Option(names = "--query", description = "export the matched multimodal graph of this query sentence and the "
            + "clip (--clip, or the best-scoring clip): query nodes, clip objects and scored cross-modal match edges")
    String query;

    @Option(names = "--model", description = "trained clip filter folder (filter-curve --save-model) used with "
            + "--query; without it, matching is by label presence and relation existence")
    Path model;

    @Override
    public Integer call() {
        GraphFormat fmt;
        try {
            fmt = GraphFormat.parse(format);
        } catch (IllegalArgumentException e) {
            System.err.println("momentgraph graph: " + e.getMessage());
            return 2;
        }
        if (model != null && query == null) {
            System.err.println("momentgraph graph: --model needs --query");
            return 2;
        }
        try {
            Video v = readVideo(data.resolve("videos.jsonl"), video);
            List<FrameDetections> frames = readFrames(data.resolve("detections.jsonl"), video);
            VideoGraph vg = VideoGraphBuilder.builder().build().build(v, frames);
            if (clip != null && (clip < 0 || clip >= vg.clips().size())) {
                System.err.println("momentgraph graph: --clip " + clip + " is outside 0.." + (vg.clips().size() - 1));
                return 2;
            }
            GraphView<?, ?> view = query != null ? QueryMatchExport.view(vg, query, model, clip)
                    : clip == null ? VideoGraphViews.of(vg) : VideoGraphViews.of(vg, clip);
            Path target = out != null ? out : fmt.rendered() ? Path.of(video + "." + fmt.extension()) : null;
            if (target == null) {
                System.out.print(GraphExporter.toText(view, fmt));
            } else {
                GraphExporter.write(view, fmt, target);
                System.err.printf("momentgraph graph: %s: %d tracks, %d nodes, %d edges -> %s%n", video,
                        vg.tracks().size(), view.graph().vertexSet().size(), view.graph().edgeSet().size(), target);
            }
            return 0;
        } catch (DataFormatException | IllegalArgumentException | IllegalStateException
                | java.io.UncheckedIOException e) {
            System.err.println("momentgraph graph: " + e.getMessage());
            return 1;
        }
    }

    /** The video's record of videos.jsonl: {"id", "duration", "clip_length", ...}. */
    static Video readVideo(Path file, String id) {
        requireFile(file);
        try (JsonLines lines = JsonLines.open(file)) {
            while (lines.hasNext()) {
                JsonLines.Line line = lines.next();
                if (id.equals(line.fields().nonBlankText(line.record(), "id"))) {
                    double duration = line.fields().finiteNumber(line.record(), "duration");
                    double clipLength = line.fields().finiteNumber(line.record(), "clip_length");
                    if (!(duration > 0) || !(clipLength > 0)) {
                        throw line.fields().error(duration > 0 ? "clip_length" : "duration", "expected a number > 0");
                    }
                    return new Video(id, duration, clipLength);
                }
            }
        }
        throw new IllegalArgumentException("video '" + id + "' is not in " + file);
    }

    /** The video's frames of detections.jsonl, holding only that video's frames in memory. */
    static List<FrameDetections> readFrames(Path file, String id) {
        requireFile(file);
        try (Stream<FrameDetections> frames = DetectionsJsonl.stream(file)) {
            List<FrameDetections> mine = frames.filter(f -> f.video().equals(id))
                    .sorted(Comparator.comparingDouble(FrameDetections::t)).collect(Collectors.toList());
            if (mine.isEmpty()) {
                System.err.println("momentgraph graph: no detections of '" + id + "' in " + file
                        + "; the graph has no nodes");
            }
            return mine;
        }
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " not found (the --data folder needs detections.jsonl and "
                    + "videos.jsonl, e.g. from the synthetic generator)");
        }
    }
}
