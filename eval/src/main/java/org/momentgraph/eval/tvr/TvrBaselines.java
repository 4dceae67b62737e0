package org.momentgraph.eval.tvr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.momentgraph.domain.AtomicFiles;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.metrics.TvrEvalOptions;
import org.momentgraph.eval.metrics.TvrEvaluator;

/**
 * The TVR/TVQA+ development-half baselines, scored with {@link TvrEvaluator} (eval.py's rules):
 * zero-shot label cosine (joined and mean bag text), the box-placement priors and the positional
 * prior, each as the mean over episode folds, and the no-training ones also on all queries at once.
 *
 * <pre>{@code
 * java -cp ... org.momentgraph.eval.tvr.TvrBaselines [--folds 5] [--seed 2020] [--json baselines.json]
 * }</pre>
 */
public final class TvrBaselines {

    /** Columns of the main table. */
    public static final List<String> COLUMNS = List.of("VR r1", "VR r5", "VR r10", "VR r100",
            "SVMR 0.5-r1", "SVMR 0.5-r5", "SVMR 0.7-r1", "SVMR 0.7-r5", "SVMR mIoU",
            "VCMR 0.5-r1", "VCMR 0.5-r10", "VCMR 0.5-r100", "VCMR 0.7-r1", "VCMR 0.7-r10", "VCMR 0.7-r100");
    /** Columns of the by-type table. */
    public static final List<String> TYPE_COLUMNS = List.of("VR r1", "VR r10", "SVMR 0.5-r1", "SVMR 0.7-r1",
            "SVMR mIoU", "VCMR 0.5-r10", "VCMR 0.7-r10");

    private TvrBaselines() {
    }

    /** Fits on each fold's training queries, scores its test queries against the whole corpus, averages the folds. */
    public static BaselineResult crossValidate(TvrBaseline baseline, List<EpisodeFold> folds, TvrEvaluator evaluator) {
        List<Map<String, Map<String, Double>>> perFold = new ArrayList<>();
        int queries = 0;
        for (EpisodeFold fold : folds) {
            perFold.add(TypedScores.of(evaluator, fold.test(), baseline.predict(fold.train(), fold.test())));
            queries += fold.test().size();
        }
        return new BaselineResult(baseline.name(), folds.size() + "-fold mean", queries, TypedScores.mean(perFold), perFold);
    }

    /** A no-training baseline on every query at once. */
    public static BaselineResult allQueries(TvrBaseline baseline, List<Query> queries, TvrEvaluator evaluator) {
        if (baseline.needsTraining()) {
            throw new IllegalArgumentException(baseline.name() + " needs training queries; cross-validate it");
        }
        return new BaselineResult(baseline.name(), "all queries", queries.size(),
                TypedScores.of(evaluator, queries, baseline.predict(List.of(), queries)), List.of());
    }

    /** The baselines of this package, with default settings. */
    public static List<TvrBaseline> baselines(TvrTvqaPlusDataset data, MiniLmTextEncoder encoder, LabelEmbeddings labels) {
        return List.of(
                new ZeroShotBaseline("zero-shot label cosine (joined)", data, new LabelCosineScorer(data, encoder, labels, BagText.JOINED)),
                new ZeroShotBaseline("zero-shot label cosine (mean)", data, new LabelCosineScorer(data, encoder, labels, BagText.MEAN)),
                new BoxPlacementBaseline(data, BoxPrior.LONGEST_RUN, null),
                new BoxPlacementBaseline(data, BoxPrior.BOX_SPAN, null),
                new BoxPlacementBaseline(data, BoxPrior.MATCHED_RUN, encoder),
                new PositionalPriorBaseline());
    }

    /** Every baseline cross-validated over {@code folds}; the no-training ones also on all queries. */
    public static List<BaselineResult> run(TvrTvqaPlusDataset data, List<TvrBaseline> baselines, List<EpisodeFold> folds) {
        TvrEvaluator evaluator = new TvrEvaluator(TvrEvalOptions.defaults());
        List<BaselineResult> results = new ArrayList<>();
        for (TvrBaseline b : baselines) {
            results.add(crossValidate(b, folds, evaluator));
            if (!b.needsTraining()) {
                results.add(allQueries(b, data.queries(), evaluator));
            }
        }
        return results;
    }

    /** Markdown: all queries with every column, then per query type with {@link #TYPE_COLUMNS}. */
    public static String markdown(List<BaselineResult> results) {
        StringBuilder md = new StringBuilder();
        table(md, results, List.of("all"), COLUMNS);
        md.append('\n');
        table(md, results, List.of("v", "t", "vt"), TYPE_COLUMNS);
        md.append("\nPercent; \"-\": the baseline does not do that task. VR/VCMR rank over all clips of the corpus in "
                + "every fold. Caveats: ~16% of the 3 fps frames have boxes, placed around the QA spans every <= 2 s "
                + "(about half of the 1.5 s grid clips hold an annotated frame), so box placement is a prior on where "
                + "moments are; no subtitles, so t queries have no evidence here.\n");
        return md.toString();
    }

    private static void table(StringBuilder md, List<BaselineResult> results, List<String> groups, List<String> columns) {
        md.append("| baseline | protocol | type |");
        columns.forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|---|---|");
        columns.forEach(c -> md.append("---:|"));
        md.append('\n');
        for (String group : groups) {
            for (BaselineResult r : results) {
                md.append("| ").append(r.baseline()).append(" | ").append(r.protocol()).append(" | ").append(group).append(" |");
                for (String c : columns) {
                    double v = r.get(group, c);
                    md.append(' ').append(Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v)).append(" |");
                }
                md.append('\n');
            }
        }
    }

    public static ObjectNode json(List<BaselineResult> results, List<EpisodeFold> folds) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode foldNodes = root.putArray("folds");
        for (EpisodeFold f : folds) {
            ObjectNode n = foldNodes.addObject();
            n.put("index", f.index());
            n.put("train_queries", f.train().size());
            n.put("test_queries", f.test().size());
            f.testEpisodes().forEach(n.putArray("test_episodes")::add);
        }
        root.put("corpus", "all clips of the box file in every fold (VR/VCMR rank over the whole corpus)");
        ArrayNode list = root.putArray("results");
        results.forEach(r -> list.add(r.toJson()));
        return root;
    }

    public static void main(String[] args) throws Exception {
        int k = EpisodeFolds.DEFAULT_FOLDS;
        long seed = EpisodeFolds.DEFAULT_SEED;
        Path jsonOut = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--folds" -> k = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--json" -> jsonOut = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: TvrBaselines [--folds K] [--seed S] [--json FILE]; got " + args[i]);
            }
        }
        TvrTvqaPlusDataset data = TvrTvqaPlusDataset.load();
        List<EpisodeFold> folds = EpisodeFolds.split(data.queries(), k, seed);
        try (MiniLmTextEncoder encoder = MiniLmTextEncoder.builder().build()) {
            List<BaselineResult> results = run(data, baselines(data, encoder, new LabelEmbeddings(encoder)), folds);
            System.out.println(markdown(results));
            if (jsonOut != null) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                AtomicFiles.writeString(jsonOut, mapper.writeValueAsString(json(results, folds)) + "\n");
            }
        }
    }
}
