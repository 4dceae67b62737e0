package org.momentgraph.server.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.GraphStreamBuilder;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.modeldir.TrainInfo;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.text.TokenStates;
import org.momentgraph.encoders.train.ProgressBar;
import org.momentgraph.encoders.train.RetrievalTrainer;
import org.momentgraph.encoders.train.TrainConfig;
import org.momentgraph.encoders.train.TrainResult;
import org.momentgraph.eval.synthetic.Splits;
import org.momentgraph.eval.synthetic.SyntheticCorpus;
import org.momentgraph.server.engine.VideoStreamAssembler;

/**
 * Trains the demo's retriever on a generated corpus: the visual and graph streams (what a served
 * video brings: features and detections; no dialogue), built by the same
 * {@link VideoStreamAssembler} that encodes served videos, so training and serving agree.
 */
final class DemoTrainer {

    private DemoTrainer() {
    }

    /** Trains into {@code out} ({@code out/model} is the model directory) and returns the result. */
    static TrainResult train(SyntheticCorpus corpus, DemoConfig demo, MiniLmTextEncoder text, Path out, PrintStream log) {
        LabelEmbeddings labels = new LabelEmbeddings(text);
        int graphDim = new GraphStreamBuilder(labels).dim();
        int visualDim = corpus.features().clips(corpus.videos().get(0).video().id())[0].length;
        ModelConfig model = ModelConfig.defaults().withSize(demo.hidden(), 1, 4, demo.hidden() * 2)
                .withStreams(visualDim, 0, graphDim);
        VideoStreamAssembler assembler = new VideoStreamAssembler(model, labels);
        Map<String, VideoStreams> videos = new LinkedHashMap<>();
        Map<String, List<String>> splitVideos = new LinkedHashMap<>();
        Splits.NAMES.forEach(s -> splitVideos.put(s, new ArrayList<>()));
        long started = System.nanoTime();
        for (SyntheticCorpus.VideoRecord record : corpus.videos()) {
            Video v = record.video();
            videos.put(v.id(), assembler.streams(v, corpus.features().clips(v.id()),
                    corpus.detectionsByVideo().getOrDefault(v.id(), List.of())));
            splitVideos.get(record.split()).add(v.id());
            if (videos.size() % 20 == 0 || videos.size() == corpus.videos().size()) {
                log.printf(Locale.ROOT, "\rdemo: video streams %d/%d (%.1f s)%s", videos.size(), corpus.videos().size(),
                        (System.nanoTime() - started) / 1e9, videos.size() == corpus.videos().size() ? "\n" : "");
            }
        }
        Map<String, List<MomentExample>> examples = new LinkedHashMap<>();
        for (String split : Splits.NAMES) {
            List<Query> queries = corpus.queries(split);
            List<TokenStates> tokens = text.encodeAll(queries.stream().map(Query::text).toList());
            List<MomentExample> list = new ArrayList<>(queries.size());
            for (int i = 0; i < queries.size(); i++) {
                list.add(MomentExample.of(queries.get(i), videos.get(queries.get(i).videoId()).video().grid(),
                        tokens.get(i).states()));
            }
            examples.put(split, list);
        }
        TrainingSet set = new TrainingSet("synthetic videos=" + demo.videos() + " seed=" + demo.seed(), examples, videos,
                splitVideos);
        log.printf(Locale.ROOT, "demo: training on %d queries of %d videos (streams visual+graph, hidden %d, %d epochs)%n",
                set.split("train").size(), videos.size(), demo.hidden(), demo.epochs());
        TrainConfig train = new TrainConfig(demo.epochs(), demo.batchSize(), demo.learningRate(), 0.1f, 0.05f, 1f,
                demo.seed(), 96, 1);
        TrainInfo info = new TrainInfo("synthetic", set.name(), demo.seed(), demo.epochs(), 0, List.of("visual", "graph"),
                corpus.videos().get(0).video().clipLength(), TrainInfo.MINILM, TrainInfo.MINILM,
                GraphStreamBuilder.relationVocabulary(), GraphStreamBuilder.TRIPLE_BUCKETS, train.maxClips(),
                set.longestMoment("train"));
        return RetrievalTrainer.builder().model(model).loss(LossConfig.defaults()).train(train).info(info).data(set)
                .output(out).progress(ProgressBar.auto(log)).build().train();
    }
}
