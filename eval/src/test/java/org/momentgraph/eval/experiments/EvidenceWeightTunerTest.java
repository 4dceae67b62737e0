package org.momentgraph.eval.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.encoders.inference.LoadedRetriever;
import org.momentgraph.encoders.pipeline.ClipEvidence;
import org.momentgraph.encoders.pipeline.CorpusIndexer;
import org.momentgraph.encoders.pipeline.MomentSearchPipeline;
import org.momentgraph.encoders.pipeline.PreparedQuery;
import org.momentgraph.encoders.pipeline.VideoEvidence;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.experiments.EvidenceWeightTuner.VrWeights;
import org.momentgraph.eval.metrics.TvrEvalOptions;
import org.momentgraph.eval.metrics.TvrEvaluator;
import org.momentgraph.eval.synthetic.CorpusWriter;
import org.momentgraph.eval.synthetic.SyntheticConfig;

/** The two VR weights are chosen together, on held-in queries, by what they do to VR there. */
class EvidenceWeightTunerTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

    @TempDir
    Path tmp;

    @Test
    void theGridPairThatRetrievesBestIsChosenAndTiesKeepTheEarlierPair() throws Exception {
        Path corpus = tmp.resolve("corpus");
        CorpusWriter.write(SyntheticConfig.builder().videos(24).seed(5).dim(32).build(), corpus, (d, t, s) -> { });
        Path file = tmp.resolve("c.json");
        Files.writeString(file, """
                {"dataset": {"type": "synthetic", "dir": "%s"},
                 "model": {"hiddenSize": 32, "layers": 1, "heads": 2, "ffnSize": 64, "convChannels": 8},
                 "train": {"epochs": 1, "batchSize": 16}, "filter": "none", "out": "%s"}
                """.formatted(corpus.toString().replace("\\", "/"), tmp.resolve("run").toString().replace("\\", "/")));
        ExperimentConfig config = ExperimentConfig.read(file);
        try (MiniLmTextEncoder text = MiniLmTextEncoder.builder().build()) {
            ExperimentData data = ExperimentData.synthetic(config, text, QUIET);
            Path model = ModelTraining.train(data, config.model(), config.loss(), config.train(), config.out(), QUIET)
                    .modelDir();
            List<Query> queries = data.groundTruth("val");
            Map<String, Set<String>> truth = new HashMap<>();
            queries.forEach(q -> truth.computeIfAbsent(q.text(), t -> new HashSet<>()).add(q.videoId()));
            // right: 1 for the videos a query's text belongs to; wrong: 1 for one video it never belongs to
            VideoEvidence right = (query, videos) -> videos.stream()
                    .mapToDouble(v -> truth.get(query).contains(v.id()) ? 1 : 0).toArray();
            VideoEvidence wrong = (query, videos) -> {
                String decoy = videos.stream().map(Video::id).filter(id -> !truth.get(query).contains(id)).findFirst()
                        .orElseThrow();
                return videos.stream().mapToDouble(v -> v.id().equals(decoy) ? 1 : 0).toArray();
            };
            ClipEvidence rightClips = (query, videos) -> {
                List<float[]> out = new ArrayList<>();
                videos.forEach(v -> out.add(new float[] {truth.get(query).contains(v.id()) ? 1f : 0f}));
                return out;
            };
            try (LoadedRetriever retriever = LoadedRetriever.load(model, text)) {
                List<EncodedVideo> videos = CorpusIndexer.encode(retriever, data.set().corpus("val"));
                List<PreparedQuery> prepared;
                try (MomentSearchPipeline p = MomentSearchPipeline.builder(retriever).corpus(videos).build()) {
                    prepared = p.prepare(queries.stream().map(Query::text).toList(),
                            data.examples("val").stream().map(MomentExample::queryTokens).toList());
                }
                TvrEvaluator evaluator = new TvrEvaluator(TvrEvalOptions.defaults());
                List<Double> clip = List.of(0.0, 1000.0);
                List<Double> labelText = List.of(0.0, 1000.0);
                // no clip evidence: every clip weight ranks alike, so the first stays; the right video term wins
                assertThat(EvidenceWeightTuner.tune(clip, labelText, w -> pipeline(retriever, videos, null, right, w),
                        queries, prepared, evaluator)).isEqualTo(new VrWeights(0, 1000));
                // a video term that points elsewhere is switched off, and the right clip evidence switched on
                assertThat(EvidenceWeightTuner.tune(clip, labelText, w -> pipeline(retriever, videos, rightClips, wrong, w),
                        queries, prepared, evaluator)).isEqualTo(new VrWeights(1000, 0));
            }
        }
    }

    private static MomentSearchPipeline pipeline(LoadedRetriever retriever, List<EncodedVideo> videos,
            ClipEvidence clips, VideoEvidence video, VrWeights w) {
        return MomentSearchPipeline.builder(retriever).corpus(videos).evidence(clips).videoEvidence(video)
                .config(org.momentgraph.encoders.pipeline.PipelineConfig.defaults().withEvidenceVrWeight(w.clip())
                        .withVideoEvidenceVrWeight(w.labelText()))
                .build();
    }
}
