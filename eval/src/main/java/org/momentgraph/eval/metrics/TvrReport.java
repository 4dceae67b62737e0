package org.momentgraph.eval.metrics;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.momentgraph.eval.predictions.TvrTask;

/**
 * The TVR scores of a submission and the conventions they were computed under.
 *
 * @param tasks         scores per submitted task
 * @param descTypeRatio eval.py's "desc_type_ratio" string, null when the queries are not TVR-typed
 * @param options       the conventions
 */
public record TvrReport(Map<TvrTask, TvrTaskScores> tasks, String descTypeRatio, TvrEvalOptions options) {

    public TvrReport {
        tasks = Collections.unmodifiableMap(new EnumMap<>(tasks));
    }

    /**
     * eval.py's printout ({@code "VCMR": {"0.5-r1": ..}, ..., "VCMR_by_type": {"v-0.5-r1": .., "desc_type_ratio": ..}})
     * followed by {@code "mIoU"} and {@code "conventions"}, which eval.py does not print.
     */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        tasks.forEach((task, s) -> {
            ObjectNode node = root.putObject(task.name());
            s.recall().forEach((k, v) -> node.set(k, OfficialRounding.json(v)));
        });
        tasks.forEach((task, s) -> {
            if (!s.byType().isEmpty()) {
                ObjectNode node = root.putObject(task.name() + "_by_type");
                s.byType().forEach((k, v) -> node.set(k, OfficialRounding.json(v)));
                if (descTypeRatio != null) {
                    node.put("desc_type_ratio", descTypeRatio);
                }
            }
        });
        ObjectNode miou = f.objectNode();
        tasks.forEach((task, s) -> {
            if (!Double.isNaN(s.meanIou())) {
                miou.set(task.name(), OfficialRounding.json(s.meanIou()));
            }
        });
        if (!miou.isEmpty()) {
            root.set("mIoU", miou);
        }
        ObjectNode conv = root.putObject("conventions");
        conv.put("ranking", "list order; the score column is not read");
        conv.put("max_predictions", options.maxPredictions());
        conv.put("iou_match", options.match().symbol());
        conv.put("iou_precision", "float32, as TVRetrieval eval.py");
        if (options.nms()) {
            conv.put("nms_iou", options.nmsThreshold());
        } else {
            conv.putNull("nms_iou");
        }
        conv.put("gt_end_beyond_duration", options.endClipping().label());
        conv.put("mIoU", "mean IoU of the top-1 prediction (VCMR: 0 when its video is wrong; "
                + "SVMR: the first prediction in the query's video); eval.py defines no mIoU");
        return root;
    }
}
