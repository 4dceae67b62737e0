package org.momentgraph.encoders.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.MomentBatcher;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.data.PairedBatch;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.loss.LossConfig.Term;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.DualEncoderOutput;
import org.momentgraph.encoders.modeldir.ModelDirectory;
import org.momentgraph.encoders.testing.ToyCorpus;
import org.momentgraph.encoders.train.ProgressBar;
import org.momentgraph.encoders.train.RetrievalTrainer;
import org.momentgraph.encoders.train.TrainConfig;

class LoadedRetrieverTest {

    private static final int WINDOW = 48;
    private static final TrainingSet SET = ToyCorpus.generate(40, 16, 60, 33);

    @TempDir
    static Path tmp;
    private static Path modelDir;

    @BeforeAll
    static void train() {
        TrainConfig config = new TrainConfig(4, 8, 3e-3f, 0.1f, 0.1f, 1f, 4, WINDOW, 1);
        // localisation-heavy weights so a few toy epochs teach ConvSE where moments are
        LossConfig loss = LossConfig.defaults().withTerms(Term.on(1f), Term.on(1f), Term.on(0.1f), Term.on(1f),
                Term.on(0.1f));
        modelDir = RetrievalTrainer.builder().model(ToyCorpus.config()).loss(loss).train(config)
                .info(ToyCorpus.info(SET, WINDOW)).data(SET).output(tmp)
                .progress(new ProgressBar(new PrintStream(new ByteArrayOutputStream()), false)).build().train()
                .modelDir();
    }

    @Test
    void loadedModelGivesTheInMemoryModelsLogitsAndScores() {
        // videos within the training window: the model is run on them whole, as the batch runs them
        List<MomentExample> distinct = new ArrayList<>();
        SET.split("test").forEach(e -> {
            if (SET.videos().get(e.videoId()).length() <= WINDOW && distinct.size() < 6
                    && distinct.stream().noneMatch(d -> d.videoId().equals(e.videoId()))) {
                distinct.add(e);
            }
        });
        assertThat(distinct).hasSizeGreaterThan(2);
        PairedBatch batch = new MomentBatcher(SET.videos(), ToyCorpus.config().streams(), 8, 1000, 1)
                .batch(distinct, new Random(1));
        float[] start;
        float[] videoScores;
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DualEncoderModel model = ModelDirectory.open(modelDir).loadModel(manager);
            NDList inputs = batch.inputs(manager);
            DualEncoderOutput out = DualEncoderOutput.of(model.forward(new ParameterStore(manager, false), inputs, false));
            start = out.startLogits().toFloatArray();
            videoScores = out.videoScores().toFloatArray();
        }
        try (LoadedRetriever retriever = LoadedRetriever.load(modelDir)) {
            float[][] queries = retriever.encodeQueryTokens(distinct.stream().map(MomentExample::queryTokens).toList());
            List<EncodedVideo> videos = retriever.encodeVideos(distinct.stream().map(e -> SET.videos().get(e.videoId())).toList());
            List<float[][]> logits = retriever.boundaryLogits(List.of(queries), videos);
            float[][] scores = retriever.videoScores(queries, videos);
            int b = distinct.size();
            for (int i = 0; i < b; i++) {
                for (int c = 0; c < videos.get(i).length(); c++) {
                    assertThat(logits.get(i)[0][c]).isCloseTo(start[i * batch.clips() + c], within(2e-4f));
                }
                for (int j = 0; j < b; j++) {
                    assertThat(scores[i][j]).isCloseTo(videoScores[i * b + j], within(2e-4f));
                }
                // an encoding rebuilt from its stored float arrays scores the same
                EncodedVideo v = videos.get(i);
                EncodedVideo stored = EncodedVideo.fromVectors(v.video(), v.streams(), v.hidden(), v.videoVector(),
                        v.clipVectors());
                assertThat(retriever.videoScore(queries[i], stored)).isCloseTo(scores[i][i], within(1e-5f));
            }
        }
    }

    @Test
    void aQueryAloneEncodesAsInAPaddedBatch() {
        // alone, a query runs without a mask (the search's case); in a batch of other lengths it is padded and masked
        List<float[][]> tokens = SET.split("test").stream().limit(6).map(MomentExample::queryTokens).toList();
        assertThat(tokens.stream().mapToInt(t -> t.length).distinct().count()).isGreaterThan(1);
        try (LoadedRetriever retriever = LoadedRetriever.load(modelDir)) {
            float[][] batched = retriever.encodeQueryTokens(tokens);
            for (int i = 0; i < tokens.size(); i++) {
                assertThat(retriever.encodeQueryTokens(List.<float[][]>of(tokens.get(i)))[0]).as("query %d", i)
                        .containsExactly(batched[i], within(1e-5f));
            }
        }
    }

    @Test
    void longVideosAreEncodedInWindowsAndLocalisedOverTheirWholeLength() {
        try (LoadedRetriever retriever = LoadedRetriever.load(modelDir)) {
            for (double clipLength : new double[] {2.0, 1.5}) {
                int clips = (int) Math.ceil(1200 / clipLength); // a 20-minute video: 600 or 800 clips
                MomentExample query = SET.split("train").get(0);
                VideoStreams source = SET.videos().get(query.videoId());
                VideoStreams tiled = tileAround(source, clips, clips - 100, clipLength);
                EncodedVideo encoded = retriever.encodeVideo(tiled);
                assertThat(encoded.length()).isEqualTo(clips);
                float[] q = retriever.encodeQueryTokens(List.<float[][]>of(query.queryTokens()))[0];
                float[][] logits = retriever.boundaryLogits(q, encoded);
                assertThat(logits[0]).hasSize(clips);
                List<Moment> top = retriever.localize(q, encoded, 5);
                assertThat(top).hasSize(5).allSatisfy(m -> assertThat(m.end()).isLessThanOrEqualTo(1200.0 + 1e-9));
                assertThat(top).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
                // the best moment maximises P(start) x P(end) under one softmax over all clips, wherever it lies
                double[] best = bruteForceBest(logits, retriever.info().maxMomentClips());
                assertThat(top.get(0).start()).isEqualTo(best[0] * clipLength);
                assertThat(top.get(0).end()).isEqualTo(Math.min(1200.0, (best[1] + 1) * clipLength));
                // clips far from any window edge keep the state of encoding their own window alone
                int from = clips - WINDOW;
                EncodedVideo lastWindow = retriever.encodeVideo(tiled.window(from, clips));
                int clip = clips - WINDOW / 2;
                assertThat(encoded.clipVectors()[clip]).containsExactly(lastWindow.clipVectors()[clip - from], within(1e-5f));
            }
        }
    }

    private static double[] bruteForceBest(float[][] logits, int maxLength) {
        double[][] p = new double[2][];
        for (int k = 0; k < 2; k++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : logits[k]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            p[k] = new double[logits[k].length];
            for (int i = 0; i < p[k].length; i++) {
                p[k][i] = Math.exp(logits[k][i] - max);
                sum += p[k][i];
            }
            for (int i = 0; i < p[k].length; i++) {
                p[k][i] /= sum;
            }
        }
        double[] best = {0, 0, -1};
        for (int s = 0; s < p[0].length; s++) {
            for (int e = s; e < Math.min(p[0].length, s + maxLength); e++) {
                if (p[0][s] * p[1][e] > best[2]) {
                    best = new double[] {s, e, p[0][s] * p[1][e]};
                }
            }
        }
        return best;
    }

    /** {@code clips} clips of low noise with the source video pasted at {@code at}. */
    private static VideoStreams tileAround(VideoStreams source, int clips, int at, double clipLength) {
        Random random = new Random(2);
        float[][][] rows = new float[3][clips][];
        int[] dims = {ToyCorpus.VISUAL, ToyCorpus.SUBTITLE, ToyCorpus.GRAPH};
        float[][][] from = {source.visual(), source.subtitle(), source.graph()};
        for (int s = 0; s < 3; s++) {
            for (int c = 0; c < clips; c++) {
                int k = c - at;
                if (k >= 0 && k < source.length()) {
                    rows[s][c] = from[s][k];
                } else {
                    rows[s][c] = new float[dims[s]];
                    for (int d = 0; d < dims[s]; d++) {
                        rows[s][c][d] = (float) random.nextGaussian() * 0.3f;
                    }
                }
            }
        }
        return new VideoStreams(new Video("long", clips * clipLength, clipLength), rows[0], rows[1], rows[2]);
    }
}
