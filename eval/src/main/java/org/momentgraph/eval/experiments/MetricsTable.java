package org.momentgraph.eval.experiments;

import java.util.List;
import java.util.Locale;
import org.momentgraph.eval.tvr.BaselineResult;

/** Markdown of result rows: one line per (group, row) with the headline VR/SVMR/VCMR columns. */
public final class MetricsTable {

    public static final List<String> COLUMNS = List.of("VR r1", "VR r10", "SVMR 0.5-r1", "SVMR 0.7-r1", "SVMR mIoU",
            "VCMR 0.5-r1", "VCMR 0.5-r10", "VCMR 0.7-r10");

    private MetricsTable() {
    }

    public static String markdown(List<BaselineResult> rows, List<String> groups) {
        StringBuilder md = new StringBuilder("| method | protocol | queries |");
        COLUMNS.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|---|---|");
        COLUMNS.forEach(c -> md.append("---:|"));
        md.append('\n');
        for (String group : groups) {
            for (BaselineResult r : rows) {
                if (!r.scores().containsKey(group)) {
                    continue;
                }
                md.append("| ").append(r.baseline()).append(" | ").append(r.protocol()).append(" | ").append(group).append(" |");
                for (String c : COLUMNS) {
                    double v = r.get(group, c);
                    md.append(' ').append(Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v)).append(" |");
                }
                md.append('\n');
            }
        }
        md.append("\nPercent (TVR eval.py rules, top 100 predictions). \"-\": the method does not do that task.\n");
        return md.toString();
    }
}
