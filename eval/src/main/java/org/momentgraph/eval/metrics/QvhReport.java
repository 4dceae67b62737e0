package org.momentgraph.eval.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.momentgraph.eval.metrics.QvhHighlightMetrics.Level;
import org.momentgraph.eval.metrics.QvhMomentMetrics.Bucket;

/**
 * QVHighlights scores: moment retrieval per length bucket and highlight detection per level (either
 * may be empty when the submission lacks windows or saliency).
 */
public record QvhReport(Map<Bucket, QvhMomentMetrics.Scores> moments, Map<Level, QvhHighlightMetrics.Scores> highlights) {

    public QvhReport {
        moments = Collections.unmodifiableMap(new LinkedHashMap<>(moments));
        highlights = Collections.unmodifiableMap(new LinkedHashMap<>(highlights));
    }

    /** eval.py's "brief": the MR keys sorted by name ("MR-full-R1@0.5", ...), then "HL-min-Fair-mAP", ... */
    public Map<String, Double> brief() {
        Map<String, Double> mr = new TreeMap<>();
        if (!moments.isEmpty()) {
            QvhMomentMetrics.Scores full = moments.get(Bucket.FULL);
            mr.put("MR-full-mAP", full.map().get("average"));
            mr.put("MR-full-mAP@0.5", full.map().get("0.5"));
            mr.put("MR-full-mAP@0.75", full.map().get("0.75"));
            mr.put("MR-short-mAP", moments.get(Bucket.SHORT).map().get("average"));
            mr.put("MR-middle-mAP", moments.get(Bucket.MIDDLE).map().get("average"));
            mr.put("MR-long-mAP", moments.get(Bucket.LONG).map().get("average"));
            mr.put("MR-full-R1@0.5", full.recall1().get("0.5"));
            mr.put("MR-full-R1@0.7", full.recall1().get("0.7"));
        }
        Map<String, Double> brief = new LinkedHashMap<>(mr);
        highlights.forEach((level, s) -> {
            brief.put(level.key() + "-mAP", s.map());
            brief.put(level.key() + "-Hit1", s.hit1());
        });
        return brief;
    }

    /** eval.py's full output: "brief" first, then the per-level and per-bucket tables, keys sorted. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode brief = root.putObject("brief");
        brief().forEach((k, v) -> brief.set(k, OfficialRounding.json(v)));
        Map<String, ObjectNode> sections = new TreeMap<>();
        highlights.forEach((level, s) -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.set("HL-mAP", OfficialRounding.json(s.map()));
            node.set("HL-Hit1", OfficialRounding.json(s.hit1()));
            sections.put(level.key(), node);
        });
        moments.forEach((bucket, s) -> {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            ObjectNode map = node.putObject("MR-mAP");
            s.map().forEach((k, v) -> map.set(k, OfficialRounding.json(v)));
            ObjectNode r1 = node.putObject("MR-R1");
            s.recall1().forEach((k, v) -> r1.set(k, OfficialRounding.json(v)));
            sections.put(bucket.key(), node);
        });
        sections.forEach(root::set);
        return root;
    }
}
