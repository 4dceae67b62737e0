package org.momentgraph.eval.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.momentgraph.domain.AtomicFiles;

/** Renders filter curve reports as Markdown tables and writes them as JSON. */
public final class FilterReports {

    private FilterReports() {
    }

    /** One table per setting: a row per (scorer, key), recall at each kept fraction, and pruning at 95 % recall. */
    public static String markdown(FilterCurves.Report report) {
        StringBuilder b = new StringBuilder("## ").append(report.dataset()).append("\n\n");
        report.curves().forEach((setting, byScorer) -> {
            b.append("### ").append(setting).append("\n\n| scorer | queries |");
            for (double f : RecallCurve.FRACTIONS) {
                b.append(String.format(Locale.ROOT, " R@%.0f%%pruned |", 100 * (1 - f)));
            }
            b.append(" pruned @95%R |\n|---|---|");
            b.append("---|".repeat(RecallCurve.FRACTIONS.length + 1)).append('\n');
            byScorer.forEach((scorer, byKey) -> byKey.forEach((key, points) -> {
                b.append("| ").append(scorer).append(" | ").append(key).append(" |");
                for (RecallCurve.Point p : points) {
                    b.append(String.format(Locale.ROOT, " %.3f |", p.recall()));
                }
                b.append(String.format(Locale.ROOT, " %.2f |\n", prunedAt(points, 0.95)));
            }));
            b.append('\n');
        });
        report.notes().forEach((k, v) -> b.append("- ").append(k).append(": ").append(v).append('\n'));
        return b.toString();
    }

    static double prunedAt(List<RecallCurve.Point> points, double recall) {
        return points.stream().filter(p -> p.recall() >= recall).mapToDouble(RecallCurve.Point::pruned).max().orElse(0);
    }

    public static void writeJson(List<FilterCurves.Report> reports, Path target) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(target, out -> mapper.writeValue(out, Map.of("reports", reports)));
    }
}
