package org.momentgraph.graph.mp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.query.QueryParser;
import org.momentgraph.graph.track.SyntheticScene;
import org.momentgraph.graph.video.VideoGraphBuilder;

/**
 * Filter latency: time to score every clip of one video for one query, with the graph network
 * (weights do not change the cost) and with the presence baseline, on generated 60 s videos with
 * 1.5 s clips. Video graphs and query graphs are built beforehand, as in serving.
 */
public final class FilterLatencyBenchmark {

    /** One measured setting: mean milliseconds per (query, video). */
    public record Row(String setting, int videos, int queries, int clipsPerVideo, double meanNodesPerClip,
            double networkMs, double presenceMs) {
    }

    private static final List<String> QUERIES = List.of("The man picks up the cup.",
            "A person puts the bottle down on the table.", "Someone walks to the chair and sits on it.",
            "The woman hands the book to the man.");

    private FilterLatencyBenchmark() {
    }

    public static List<Row> run(int videos, int[] objectCounts, Function<String, float[]> embedding, int dim,
            long seed) {
        GraphPairEncoder encoder = new GraphPairEncoder(embedding, dim);
        QueryParser parser = QueryParser.load();
        List<EncodedQuery> queries = QUERIES.stream().map(q -> encoder.query(parser.parse(q))).toList();
        List<Row> rows = new ArrayList<>();
        try (GraphFilterModel model = GraphFilterModel.create(encoder.config(32, 2), seed)) {
            for (int objects : objectCounts) {
                List<List<EncodedClip>> clips = new ArrayList<>();
                VideoGraphBuilder builder = VideoGraphBuilder.builder().build();
                long nodes = 0;
                long clipCount = 0;
                for (int v = 0; v < videos; v++) {
                    SyntheticScene s = SyntheticScene.generate(new SyntheticScene.Spec("lat" + v, objects, 60, 3, 0.03,
                            0.15, 0.1), seed + v);
                    List<EncodedClip> encoded = encoder.clips(builder.build(new Video("lat" + v, 60, 1.5), s.frames()));
                    clips.add(encoded);
                    for (EncodedClip c : encoded) {
                        nodes += c.size();
                        clipCount++;
                    }
                }
                scoreAll(model, queries, clips.subList(0, 1)); // warm-up
                long t0 = System.nanoTime();
                scoreAll(model, queries, clips);
                double network = (System.nanoTime() - t0) / 1e6 / (videos * queries.size());
                long t1 = System.nanoTime();
                for (EncodedQuery q : queries) {
                    for (List<EncodedClip> video : clips) {
                        PresenceScorer.scores(q, video);
                    }
                }
                double presence = (System.nanoTime() - t1) / 1e6 / (videos * queries.size());
                rows.add(new Row(objects + " objects/frame", videos, queries.size(), (int) (clipCount / videos),
                        nodes / (double) clipCount, network, presence));
            }
        }
        return rows;
    }

    private static void scoreAll(GraphFilterModel model, List<EncodedQuery> queries, List<List<EncodedClip>> videos) {
        for (EncodedQuery q : queries) {
            for (List<EncodedClip> video : videos) {
                GraphBatch batch = new GraphBatch(model.config());
                video.forEach(c -> batch.add(q.with(c)));
                model.score(batch);
            }
        }
    }

    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-18s %7s %8s %11s %11s %14s %15s%n",
                "setting", "videos", "queries", "clips/video", "nodes/clip", "network ms/q/v", "presence ms/q/v"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-18s %7d %8d %11d %11.1f %14.2f %15.3f%n", r.setting(), r.videos(),
                    r.queries(), r.clipsPerVideo(), r.meanNodesPerClip(), r.networkMs(), r.presenceMs()));
        }
        return sb.toString();
    }
}
