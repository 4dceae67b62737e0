package org.momentgraph.eval.experiments;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.pipeline.MomentResult;
import org.momentgraph.encoders.pipeline.MomentSearchPipeline;
import org.momentgraph.encoders.pipeline.PreparedQuery;
import org.momentgraph.eval.predictions.QvhPrediction;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;

/**
 * Official-format predictions from a {@link MomentSearchPipeline}: a TVR submission (VCMR over the
 * corpus, SVMR in each query's own video, VR) and QVHighlights lines (SVMR windows). Queries are
 * searched in chunks so boundary detection runs batched.
 */
public final class PipelinePredictions {

    /** TVR keeps 100 predictions per query and task. */
    public static final int TOP = 100;
    private static final int CHUNK = 64;

    private PipelinePredictions() {
    }

    /** {@code prepared.get(i)} is {@code queries.get(i)} encoded; every query's video must be in the corpus. */
    public static TvrSubmission tvr(MomentSearchPipeline pipeline, List<Query> queries, List<PreparedQuery> prepared,
            List<TvrTask> tasks) {
        Map<TvrTask, List<RankedMoments>> out = new EnumMap<>(TvrTask.class);
        tasks.forEach(t -> out.put(t, new ArrayList<>()));
        for (int from = 0; from < queries.size(); from += CHUNK) {
            List<Query> qs = queries.subList(from, Math.min(queries.size(), from + CHUNK));
            List<PreparedQuery> ps = prepared.subList(from, from + qs.size());
            if (out.containsKey(TvrTask.VR)) {
                add(out.get(TvrTask.VR), qs, pipeline.vr(ps, TOP));
            }
            if (out.containsKey(TvrTask.SVMR)) {
                add(out.get(TvrTask.SVMR), qs, pipeline.svmr(qs.stream().map(Query::videoId).toList(), ps, TOP));
            }
            if (out.containsKey(TvrTask.VCMR)) {
                add(out.get(TvrTask.VCMR), qs, pipeline.vcmr(ps, TOP));
            }
        }
        return TvrSubmission.of(out);
    }

    public static TvrSubmission tvr(MomentSearchPipeline pipeline, List<Query> queries, List<PreparedQuery> prepared) {
        return tvr(pipeline, queries, prepared, List.of(TvrTask.VCMR, TvrTask.SVMR, TvrTask.VR));
    }

    /** QVHighlights lines: the 10 best SVMR windows of each query in its own video (no saliency). */
    public static List<QvhPrediction> qvh(MomentSearchPipeline pipeline, List<Query> queries, List<PreparedQuery> prepared) {
        List<QvhPrediction> out = new ArrayList<>(queries.size());
        for (int from = 0; from < queries.size(); from += CHUNK) {
            List<Query> qs = queries.subList(from, Math.min(queries.size(), from + CHUNK));
            List<List<MomentResult>> found = pipeline.svmr(qs.stream().map(Query::videoId).toList(),
                    prepared.subList(from, from + qs.size()), 10);
            for (int i = 0; i < qs.size(); i++) {
                out.add(new QvhPrediction(qs.get(i).id(), qs.get(i).text(), qs.get(i).videoId(), moments(found.get(i)), null));
            }
        }
        return out;
    }

    private static void add(List<RankedMoments> into, List<Query> queries, List<List<MomentResult>> results) {
        for (int i = 0; i < queries.size(); i++) {
            into.add(new RankedMoments(queries.get(i).id(), queries.get(i).text(), moments(results.get(i))));
        }
    }

    private static List<Moment> moments(List<MomentResult> results) {
        return results.stream().map(r -> new Moment(r.videoId(), r.start(), r.end(), r.score())).toList();
    }
}
