package org.momentgraph.eval.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.mp.EncodedClip;
import org.momentgraph.graph.mp.EncodedQuery;
import org.momentgraph.graph.mp.GraphPairEncoder;
import org.momentgraph.graph.query.QueryParser;
import org.momentgraph.graph.video.VideoGraphBuilder;

/**
 * A dataset for the clip filter: every video's clips encoded once (relation graph from its
 * detections) and every query's graph encoded once, with its ground-truth clips.
 *
 * @param videos  by id, in input order
 * @param queries in input order
 */
public record FilterCorpus(Map<String, VideoEntry> videos, List<QueryEntry> queries) {

    /** A video, its group (an episode for TVR: folds never split one) and its encoded clips. */
    public record VideoEntry(Video video, String group, List<EncodedClip> clips) {
    }

    /** A query, its encoded graph and the grid clips of its video that lie in its moment. */
    public record QueryEntry(Query query, EncodedQuery encoded, TreeSet<Integer> groundTruth) {
    }

    /**
     * @param group maps a video id to its group (e.g. "s01e02" for "s01e02_seg02_clip_12")
     */
    public static FilterCorpus build(List<Video> videos, Map<String, List<FrameDetections>> detections,
            List<Query> queries, GraphPairEncoder encoder, QueryParser parser, Function<String, String> group) {
        Map<String, VideoEntry> byId = videos(videos, detections, encoder, group);
        return new FilterCorpus(byId, queries(queries, byId, encoder, parser));
    }

    /** Every video's clips encoded from its relation graph, by id in input order. */
    public static Map<String, VideoEntry> videos(List<Video> videos, Map<String, List<FrameDetections>> detections,
            GraphPairEncoder encoder, Function<String, String> group) {
        VideoGraphBuilder builder = VideoGraphBuilder.builder().build();
        Map<String, VideoEntry> byId = new LinkedHashMap<>();
        for (Video v : videos) {
            List<FrameDetections> frames = detections.getOrDefault(v.id(), List.of());
            byId.put(v.id(), new VideoEntry(v, group.apply(v.id()), encoder.clips(builder.build(v, frames))));
        }
        return byId;
    }

    /** The queries whose video is in {@code videos}, each with its parsed graph and ground-truth clips. */
    public static List<QueryEntry> queries(List<Query> queries, Map<String, VideoEntry> videos, GraphPairEncoder encoder,
            QueryParser parser) {
        List<QueryEntry> entries = new ArrayList<>();
        for (Query q : queries) {
            VideoEntry v = videos.get(q.videoId());
            if (v == null) {
                continue;
            }
            TreeSet<Integer> truth = groundTruth(v.video().grid(), q.span());
            entries.add(new QueryEntry(q, encoder.query(parser.parse(q.text())), truth));
        }
        return List.copyOf(entries);
    }

    /**
     * Clips whose overlap with the moment is at least half the shorter of the two (so a short moment
     * still has its clip), plus the clip holding the moment's centre.
     */
    public static TreeSet<Integer> groundTruth(ClipGrid grid, Span span) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int c = 0; c < grid.size(); c++) {
            double start = grid.clipStart(c);
            double end = grid.clipEnd(c);
            double overlap = Math.min(end, span.end()) - Math.max(start, span.start());
            if (overlap > 0 && overlap >= 0.5 * Math.min(end - start, span.end() - span.start())) {
                out.add(c);
            }
        }
        out.add(grid.clipAt(Math.min((span.start() + span.end()) / 2, grid.duration() - 1e-9)));
        return out;
    }
}
