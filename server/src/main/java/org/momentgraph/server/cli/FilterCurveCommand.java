package org.momentgraph.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.filter.FilterCurves;
import org.momentgraph.eval.filter.FilterReports;
import org.momentgraph.eval.filter.FilterTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains the graph clip filter and prints its recall/pruning curves against the presence baseline. */
@Command(name = "filter-curve", mixinStandardHelpOptions = true,
        description = "Train the message-passing clip filter and report recall of ground-truth clips vs the "
                + "fraction of clips pruned, against an object-presence filter: on a generated corpus "
                + "(train split -> test split) and/or on TVR dev with TVQA+ boxes (folds by episode).",
        footer = {"", "Examples:",
            "  ./momentgraph filter-curve --synthetic runs/synthetic --save-model runs/filter-model",
            "  ./momentgraph filter-curve --tvr --folds 5 --json runs/filter-curves.json"})
final class FilterCurveCommand implements Callable<Integer> {

    @Option(names = "--synthetic", description = "generated corpus folder (./momentgraph generate)")
    Path synthetic;

    @Option(names = "--tvr", description = "TVR dev / TVQA+ boxes from the shared data, folds by episode")
    boolean tvr;

    @Option(names = "--folds", defaultValue = "5", description = "episode folds for --tvr (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--steps", defaultValue = "" + FilterTrainer.MAX_STEPS, description = "most training steps; "
            + "training stops early on held-out queries (synthetic: the val split; TVR: every tenth training video) "
            + "(default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--save-model", description = "save the model trained on --synthetic here (for graph --model)")
    Path saveModel;

    @Option(names = "--json", description = "also write the curves as JSON here")
    Path json;

    @Override
    public Integer call() {
        if (synthetic == null && !tvr) {
            System.err.println("momentgraph filter-curve: give --synthetic DIR and/or --tvr");
            return 2;
        }
        FilterCurves.Options defaults = FilterCurves.Options.defaults();
        FilterCurves.Options options = new FilterCurves.Options(defaults.hidden(), defaults.rounds(),
                FilterTrainer.defaults(steps), defaults.clipLength(), defaults.seed());
        List<FilterCurves.Report> reports = new ArrayList<>();
        try (MiniLmTextEncoder encoder = MiniLmTextEncoder.builder().build()) {
            LabelEmbeddings labels = new LabelEmbeddings(encoder);
            if (synthetic != null) {
                reports.add(FilterCurves.synthetic(synthetic, labels, MiniLmTextEncoder.DIM, options, saveModel));
                System.out.println(FilterReports.markdown(reports.get(reports.size() - 1)));
            }
            if (tvr) {
                reports.add(FilterCurves.tvrFolds(folds, labels, MiniLmTextEncoder.DIM, options));
                System.out.println(FilterReports.markdown(reports.get(reports.size() - 1)));
            }
        } catch (DataFormatException | IllegalArgumentException | IllegalStateException
                | java.io.UncheckedIOException e) {
            System.err.println("momentgraph filter-curve: " + e.getMessage());
            return 1;
        }
        if (json != null) {
            FilterReports.writeJson(reports, json);
        }
        return 0;
    }
}
