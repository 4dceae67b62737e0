package org.momentgraph.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.momentgraph.eval.experiments.ClipFilterKind;
import org.momentgraph.eval.experiments.PredictRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes official-format predictions of a trained model on a dataset. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Search a dataset with a trained model and write predictions: a TVR submission (VCMR, SVMR, VR "
                + "top 100) or QVHighlights JSONL (SVMR windows). The VCMR corpus is the split's videos (synthetic) "
                + "or every clip of the box file (TVR/TVQA+).",
        footer = {"", "Examples:",
            "  ./momentgraph predict --model runs/eval/full/model --dataset synthetic --data runs/synth --split test "
                + "--out runs/pred.json",
            "  ./momentgraph predict --model runs/tvr/model --dataset tvr-tvqaplus --queries Q.jsonl --boxes B.json "
                + "--out runs/tvr-pred.json --format tvr",
            "  ./momentgraph predict --model runs/eval/full/model --dataset synthetic --data runs/synth --filter graph "
                + "--out runs/pred-graph.json   # the graph filter eval saved in runs/eval/full/model/filter"})
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", description = "Trained model directory.")
    Path model;

    @Option(names = "--dataset", description = "synthetic or tvr-tvqaplus.")
    String dataset;

    @Option(names = "--data", description = "synthetic: the generated corpus folder.")
    Path data;

    @Option(names = "--split", defaultValue = "test", description = "synthetic: train, val or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--queries", description = "tvr-tvqaplus: TVR query JSONL (default: the shared data).")
    Path queries;

    @Option(names = "--boxes", description = "tvr-tvqaplus: TVQA+ box JSON; its clips are the VCMR corpus.")
    Path boxes;

    @Option(names = "--out", description = "Output file.")
    Path out;

    @Option(names = "--format", defaultValue = "tvr", description = "tvr or qvhighlights (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--filter",
            description = "Clip filter that screens clips before localisation: graph (the trained graph filter in "
                    + "MODEL/filter or --filter-model), presence, label-bag or none (default: the filter eval tuned "
                    + "the model with, saved in MODEL/search/tuned.json, else label-bag).")
    String filter;

    @Option(names = "--filter-model", description = "Folder of a saved graph filter (graph-filter.config.json and "
            + "its parameters) for --filter graph; default: MODEL/filter.")
    Path filterModel;

    @Option(names = "--evidence-weight",
            description = "Weight of the clip evidence in VR scores; -1 turns clip evidence off like --filter none "
                    + "(default: the weight eval tuned for this filter, saved in MODEL/search/tuned.json, else 0).")
    Double evidenceWeight;

    @Option(names = "--vr-temperature",
            description = "Temperature of the VR softmax in VCMR scores (default: the one eval tuned, saved in "
                    + "MODEL/search/tuned.json, else 0.05).")
    Double vrTemperature;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandReporting reporting = new CommandReporting(spec);
        String problem = model == null ? "--model DIR is required"
                : !Files.isDirectory(model) ? "--model " + model + " is not a directory"
                : dataset == null ? "--dataset synthetic|tvr-tvqaplus is required"
                : out == null ? "--out FILE is required"
                : !format.equals("tvr") && !format.equals("qvhighlights") ? "--format must be tvr or qvhighlights, got '" + format + "'"
                : null;
        ClipFilterKind kind = null;
        if (problem == null) {
            try {
                kind = filter == null ? PredictRun.defaultFilter(model) : ClipFilterKind.of(filter);
            } catch (IllegalArgumentException e) {
                problem = "--filter: " + e.getMessage();
            }
        }
        if (problem != null) {
            return reporting.fail(problem);
        }
        ClipFilterKind chosen = kind;
        return reporting.failOnBadInput(() -> {
            int n = PredictRun.predict(model, dataset, data, split, queries, boxes, out, format, chosen, filterModel,
                    evidenceWeight, vrTemperature, System.err);
            System.err.println("predict: wrote " + n + " queries to " + out);
            return 0;
        });
    }
}
