package org.momentgraph.graph.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.track.AssignmentMethod;
import org.momentgraph.graph.track.SyntheticScene;
import org.momentgraph.graph.track.TrackerConfig;

/**
 * Throughput of video-graph building (tracking + clip graphs + cross-clip links) on generated
 * detections: 60 s videos at 3 fps with 1.5 s clips, as in TVR, for several object counts and both
 * assignment methods. Run: {@code java -cp ... org.momentgraph.graph.video.GraphBuildBenchmark [videos]}.
 */
public final class GraphBuildBenchmark {

    /** One measured setting. */
    public record Row(String setting, int videos, long frames, long detections, double seconds,
            double framesPerSecond, double videosPerSecond, double meanNodes, double meanEdges) {
    }

    private GraphBuildBenchmark() {
    }

    /**
     * Measures every (objects per frame, assignment) pair over {@code videos} generated videos, after one
     * untimed warm-up pass over the same inputs.
     */
    public static List<Row> run(int videos, int[] objectCounts, List<AssignmentMethod> methods, long seed) {
        List<Row> rows = new ArrayList<>();
        for (int objects : objectCounts) {
            List<SyntheticScene> scenes = new ArrayList<>();
            for (int v = 0; v < videos; v++) {
                scenes.add(SyntheticScene.generate(new SyntheticScene.Spec("bench" + v, objects, 60, 3, 0.03, 0.15,
                        0.1), seed + v));
            }
            for (AssignmentMethod method : methods) {
                VideoGraphBuilder builder = VideoGraphBuilder.builder()
                        .tracker(TrackerConfig.builder().assignment(method).build()).build();
                buildAll(builder, scenes); // warm-up: JIT, class loading
                long t0 = System.nanoTime();
                long[] totals = buildAll(builder, scenes);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long frames = scenes.stream().mapToLong(s -> s.frames().size()).sum();
                long dets = scenes.stream().mapToLong(s -> s.truth().size()).sum();
                rows.add(new Row(objects + " objects, " + method.name().toLowerCase(Locale.ROOT), videos, frames, dets,
                        seconds, frames / seconds, videos / seconds, (double) totals[0] / videos,
                        (double) totals[1] / videos));
            }
        }
        return rows;
    }

    private static long[] buildAll(VideoGraphBuilder builder, List<SyntheticScene> scenes) {
        long nodes = 0;
        long edges = 0;
        for (SyntheticScene s : scenes) {
            VideoGraph g = builder.build(new Video(s.frames().get(0).video(), 60, 1.5), s.frames());
            nodes += g.graph().vertexSet().size();
            edges += g.graph().edgeSet().size();
        }
        return new long[] {nodes, edges};
    }

    /** The rows as a fixed-width table. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-26s %7s %8s %8s %10s %9s %9s %9s%n",
                "setting", "videos", "frames", "dets", "frames/s", "videos/s", "nodes/v", "edges/v"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-26s %7d %8d %8d %10.0f %9.1f %9.0f %9.0f%n", r.setting(),
                    r.videos(), r.frames(), r.detections(), r.framesPerSecond(), r.videosPerSecond(), r.meanNodes(),
                    r.meanEdges()));
        }
        return sb.toString();
    }

    public static void main(String[] args) {
        int videos = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.print(table(run(videos, new int[] {4, 8, 16}, List.of(AssignmentMethod.values()), 1)));
    }
}
