package org.momentgraph.eval.experiments;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.momentgraph.encoders.data.GraphStreamBuilder;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.model.Stream;
import org.momentgraph.encoders.modeldir.TrainInfo;
import org.momentgraph.encoders.train.ProgressBar;
import org.momentgraph.encoders.train.RetrievalTrainer;
import org.momentgraph.encoders.train.TrainConfig;
import org.momentgraph.encoders.train.TrainResult;

/** Trains the dual encoder on an experiment's "train" split with {@link RetrievalTrainer} (no per-epoch validation). */
public final class ModelTraining {

    private ModelTraining() {
    }

    /** The trained model's directory and what the run cost. */
    public record Trained(Path modelDir, int skippedSteps, double trainSeconds) {
    }

    public static Trained train(ExperimentData data, ModelConfig modelSize, LossConfig loss, TrainConfig train, Path out,
            PrintStream log) {
        TrainingSet set = data.set();
        boolean graph = set.dim(Stream.GRAPH) > 0;
        ModelConfig model = modelSize.withStreams(set.dim(Stream.VISUAL), set.dim(Stream.SUBTITLE), set.dim(Stream.GRAPH));
        TrainInfo info = new TrainInfo(data.type(), data.name(), train.seed(), train.epochs(), 0, data.streamNames(),
                data.clipLength(), TrainInfo.MINILM, TrainInfo.MINILM,
                graph ? GraphStreamBuilder.relationVocabulary() : List.of(), graph ? GraphStreamBuilder.TRIPLE_BUCKETS : 0,
                train.maxClips(), set.longestMoment("train"));
        TrainResult result = RetrievalTrainer.builder().model(model).loss(loss).train(train).info(info).data(set)
                .output(out).progress(new ProgressBar(log, false)).build().train();
        return new Trained(result.modelDir(), result.skippedSteps(), result.trainSeconds());
    }
}
