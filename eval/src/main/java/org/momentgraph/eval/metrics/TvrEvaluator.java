package org.momentgraph.eval.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;

/**
 * TVR metrics computed as TVRetrieval's {@code standalone_eval/eval.py} computes them: the list order
 * is the ranking (scores are not read), only the first 100 predictions count, a hit is
 * {@code IoU >= threshold} in float32, a wrong-video prediction has IoU 0 in VCMR but is removed
 * before ranking in SVMR, and VR counts repeated videos at every rank they take. Results are also
 * broken down by query type (v, t, vt). Queries are matched by id; like eval.py, a repeated id keeps
 * its last record, and the ids of predictions and ground truth must be the same set.
 */
public final class TvrEvaluator {

    /** TVR's query types, in eval.py's order. */
    public static final List<String> TVR_TYPES = List.of("v", "t", "vt");

    private final TvrEvalOptions options;

    public TvrEvaluator(TvrEvalOptions options) {
        this.options = options;
    }

    public TvrEvalOptions options() {
        return options;
    }

    /** Every task the submission has. */
    public TvrReport evaluate(List<Query> groundTruth, TvrSubmission submission) {
        Map<TvrTask, TvrTaskScores> scores = new EnumMap<>(TvrTask.class);
        for (TvrTask task : TvrTask.values()) {
            if (submission.has(task)) {
                scores.put(task, evaluate(task, groundTruth, submission.predictions(task)));
            }
        }
        return new TvrReport(scores, descTypeRatio(byId(groundTruth).values()), options);
    }

    public TvrTaskScores evaluate(TvrTask task, List<Query> groundTruth, List<RankedMoments> predictions) {
        Map<String, Query> gt = byId(groundTruth);
        Map<String, RankedMoments> pred = new LinkedHashMap<>();
        predictions.forEach(p -> pred.put(p.queryId(), p));
        requireSameIds(task, gt.keySet(), pred.keySet());

        List<TvrQueryHits> judged = new ArrayList<>(gt.size());
        List<String> types = new ArrayList<>(gt.size());
        for (Query q : gt.values()) {
            List<Moment> ranked = pred.get(q.id()).moments();
            if (options.nms() && task != TvrTask.VR) {
                ranked = new TemporalNms(options.nmsThreshold()).apply(ranked);
            }
            judged.add(TvrQueryHits.judge(q, ranked, options));
            types.add(q.type());
        }
        Map<String, Double> recall = recall(task, judged, null, types);
        Map<String, Double> byType = new LinkedHashMap<>();
        for (String type : typeOrder(types)) {
            recall(task, judged, type, types).forEach((key, value) -> byType.put(type + "-" + key, value));
        }
        double meanIou = Double.NaN;
        if (task != TvrTask.VR) {
            double sum = 0;
            for (TvrQueryHits h : judged) {
                sum += task == TvrTask.VCMR ? h.topIou() : h.topSameVideoIou();
            }
            meanIou = OfficialRounding.percent(sum / judged.size());
        }
        return new TvrTaskScores(recall, byType, meanIou);
    }

    /** Recall@K over all queries ({@code type == null}) or the share of all queries of one type that hit. */
    private Map<String, Double> recall(TvrTask task, List<TvrQueryHits> judged, String type, List<String> types) {
        int inType = 0;
        for (String t : types) {
            if (type == null || t.equals(type)) {
                inType++;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (task == TvrTask.VR) {
            for (int k : options.recallKs()) {
                int hits = 0;
                for (int i = 0; i < judged.size(); i++) {
                    if ((type == null || types.get(i).equals(type)) && judged.get(i).videoInTop(k)) {
                        hits++;
                    }
                }
                out.put("r" + k, OfficialRounding.percent((double) hits / inType));
            }
            return out;
        }
        for (int t = 0; t < options.iouThresholds().size(); t++) {
            String thd = thresholdKey(options.iouThresholds().get(t));
            for (int k : options.recallKs()) {
                int hits = 0;
                for (int i = 0; i < judged.size(); i++) {
                    TvrQueryHits h = judged.get(i);
                    boolean hit = task == TvrTask.VCMR ? h.hitInTop(t, k) : h.hitInTopSameVideo(t, k);
                    if ((type == null || types.get(i).equals(type)) && hit) {
                        hits++;
                    }
                }
                out.put(thd + "-r" + k, OfficialRounding.percent((double) hits / inType));
            }
        }
        return out;
    }

    /** Python's str() of the threshold, as eval.py formats its keys ("0.5", "0.7"). */
    static String thresholdKey(double threshold) {
        return Double.toString(threshold);
    }

    /**
     * Types to break down by: none when any query is untyped; else v, t, vt (those present) in eval.py's
     * order, then other dataset tags alphabetically. eval.py would print NaN for an absent TVR type; it
     * is left out instead.
     */
    private static List<String> typeOrder(List<String> types) {
        if (types.isEmpty() || types.contains("")) {
            return List.of();
        }
        List<String> order = new ArrayList<>();
        for (String t : TVR_TYPES) {
            if (types.contains(t)) {
                order.add(t);
            }
        }
        Set<String> others = new TreeSet<>(types);
        others.removeAll(TVR_TYPES);
        order.addAll(others);
        return order;
    }

    /** eval.py's "desc_type_ratio" ("v 78.72 t 7.39 vt 13.89"), or null when the types are not all TVR's. */
    private static String descTypeRatio(java.util.Collection<Query> queries) {
        if (queries.isEmpty() || !queries.stream().allMatch(q -> TVR_TYPES.contains(q.type()))) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String type : TVR_TYPES) {
            long n = queries.stream().filter(q -> q.type().equals(type)).count();
            double pct = OfficialRounding.percent(1.0 * n / queries.size());
            sb.append(sb.length() == 0 ? "" : " ").append(type).append(' ').append(OfficialRounding.repr(pct));
        }
        return sb.toString();
    }

    private static Map<String, Query> byId(List<Query> queries) {
        Map<String, Query> map = new LinkedHashMap<>();
        queries.forEach(q -> map.put(q.id(), q));
        return map;
    }

    private static void requireSameIds(TvrTask task, Set<String> gt, Set<String> pred) {
        if (gt.equals(pred)) {
            return;
        }
        List<String> missing = gt.stream().filter(id -> !pred.contains(id)).limit(3).toList();
        List<String> extra = pred.stream().filter(id -> !gt.contains(id)).limit(3).toList();
        long nMissing = gt.stream().filter(id -> !pred.contains(id)).count();
        long nExtra = pred.stream().filter(id -> !gt.contains(id)).count();
        throw new IllegalArgumentException(task + ": query ids of predictions and ground truth differ: " + nMissing
                + " without predictions " + missing + ", " + nExtra + " not in the ground truth " + extra);
    }
}
