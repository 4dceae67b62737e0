package org.momentgraph.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.eval.data.QvhighlightsJsonl;
import org.momentgraph.eval.data.TvrJsonl;
import org.momentgraph.eval.metrics.EndClipping;
import org.momentgraph.eval.metrics.IouMatch;
import org.momentgraph.eval.metrics.QvhEvaluator;
import org.momentgraph.eval.metrics.TvrEvalOptions;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.predictions.QvhPredictionsJsonl;
import org.momentgraph.eval.predictions.TvrSubmissionJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scores a prediction file with the official metrics and prints them as one JSON object. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Score predictions with the official metrics (TVRetrieval's and Moment-DETR's "
                + "standalone_eval/eval.py); prints one JSON object on stdout.",
        footer = {"", "Examples:",
            "  momentgraph metrics tvr --gt tvr_val_release.jsonl --pred tvr_submission.json",
            "  momentgraph metrics tvr --gt charades_sta_test.jsonl --pred preds.json --strict --clip-gt-end --nms 0.5",
            "  momentgraph metrics qvhighlights --gt highlight_val_release.jsonl --pred val_preds.jsonl",
            "", "Exit codes: 0 scored, 2 bad arguments or a bad file (one line on stderr)."})
final class MetricsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: tvr or qvhighlights");
    }

    @Command(name = "tvr", mixinStandardHelpOptions = true,
            description = "VCMR, SVMR and VR Recall@K as TVRetrieval's eval.py, broken down by query type, "
                    + "plus top-1 mIoU and the conventions used.",
            footer = {"", "Example:", "  momentgraph metrics tvr --gt tvr_val.jsonl --pred sub.json --iou 0.5,0.7"})
    int tvr(@Option(names = "--gt", required = true, paramLabel = "FILE",
                    description = "ground truth, TVR JSON lines (vid_name, duration, ts, desc, type, desc_id)") Path gt,
            @Option(names = "--pred", required = true, paramLabel = "FILE",
                    description = "TVR submission JSON (VCMR/SVMR/VR lists and video2idx)") Path pred,
            @Option(names = "--strict", description = "a hit needs IoU > threshold (2D-TAN) instead of >= (TVR)") boolean strict,
            @Option(names = "--nms", paramLabel = "IOU",
                    description = "greedy temporal NMS per video before the cap, suppressing IoU > IOU (default: off)") Double nms,
            @Option(names = "--clip-gt-end", description = "cut ground-truth ends past the video duration (default: kept)")
                    boolean clipGtEnd,
            @Option(names = "--iou", split = ",", paramLabel = "T", defaultValue = "0.3,0.5,0.7",
                    description = "IoU thresholds (default: ${DEFAULT-VALUE})") List<Double> iou,
            @Option(names = "--k", split = ",", paramLabel = "K", defaultValue = "1,5,10,100",
                    description = "Recall@K cut-offs (default: ${DEFAULT-VALUE})") List<Integer> ks,
            @Option(names = "--max-predictions", paramLabel = "N", defaultValue = "100",
                    description = "only the first N predictions of each list count (default: ${DEFAULT-VALUE})") int max) {
        return score(List.of(gt, pred), () -> {
            TvrEvalOptions options = new TvrEvalOptions(iou, ks, max, strict ? IouMatch.GREATER : IouMatch.AT_LEAST,
                    nms == null ? Double.NaN : nms, clipGtEnd ? EndClipping.CLIPPED : EndClipping.KEPT);
            return new TvrEvaluator(options).evaluate(TvrJsonl.read(gt), TvrSubmissionJson.read(pred)).toJson();
        });
    }

    @Command(name = "qvhighlights", mixinStandardHelpOptions = true,
            description = "Moment retrieval (MR-mAP, MR-R1 per length bucket) and highlight detection "
                    + "(HL-mAP, HL-Hit1 per saliency level) as Moment-DETR's eval.py, \"brief\" first.",
            footer = {"", "Example:", "  momentgraph metrics qvhighlights --gt highlight_val_release.jsonl --pred val_preds.jsonl"})
    int qvhighlights(@Option(names = "--gt", required = true, paramLabel = "FILE",
                    description = "QVHighlights annotations (JSON lines with relevant_windows and saliency_scores)") Path gt,
            @Option(names = "--pred", required = true, paramLabel = "FILE",
                    description = "predictions, JSON lines (qid, pred_relevant_windows, pred_saliency_scores)") Path pred) {
        return score(List.of(gt, pred), () -> QvhEvaluator.evaluate(QvhighlightsJsonl.read(gt), QvhPredictionsJsonl.read(pred)).toJson());
    }

    /** Prints the result, or one line naming what is wrong; never a stack trace for bad input. */
    private int score(List<Path> inputs, Supplier<JsonNode> metrics) {
        PrintWriter err = spec.commandLine().getErr();
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                err.println("momentgraph metrics: no such file: " + input);
                err.flush();
                return 2;
            }
        }
        try {
            JsonNode result = metrics.get();
            PrintWriter out = spec.commandLine().getOut();
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
            out.flush();
            return 0;
        } catch (DataFormatException | IllegalArgumentException | UncheckedIOException e) {
            err.println("momentgraph metrics: " + e.getMessage().replace('\n', ' '));
            err.flush();
            return 2;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("momentgraph metrics: cannot print the result: " + e.getOriginalMessage());
            err.flush();
            return 2;
        }
    }
}
