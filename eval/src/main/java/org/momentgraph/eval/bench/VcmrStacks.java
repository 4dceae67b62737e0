package org.momentgraph.eval.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.modeldir.TrainInfo;
import org.momentgraph.encoders.text.MiniLmTextEncoder;

/** Builds the benchmark's {@link VcmrStack}s; a null text encoder means seeded random MiniLM-shaped features. */
final class VcmrStacks {

    /** Token rows of a random query for the model stack: about a short sentence's wordpieces. */
    private static final int RANDOM_TOKENS = 12;

    private VcmrStacks() {
    }

    static VcmrStack standin(MiniLmTextEncoder text, List<String> texts, int queries, int dim, int topVideos,
            int maxMomentClips, long seed) {
        List<float[][]> random = text == null ? randomFeatures(queries, 1, seed) : List.of();
        return new StandinStack(text, texts, random, dim, topVideos, maxMomentClips, seed);
    }

    /** The model stack; the model's clip states (streams x hidden) must be the index's {@code dim}. */
    static VcmrStack model(ModelConfig config, MiniLmTextEncoder text, List<String> texts, int queries, int dim,
            int topVideos, int maxMomentClips, long seed) {
        if (config.streamCount() * config.hiddenSize() != dim) {
            throw new IllegalArgumentException("the model's clip states have " + config.streamCount() * config.hiddenSize()
                    + " values (streams x hidden); the index dim is " + dim);
        }
        if (config.queryDim() != MiniLmTextEncoder.DIM) {
            throw new IllegalArgumentException("the model's queryDim is " + config.queryDim() + "; MiniLM token states have "
                    + MiniLmTextEncoder.DIM);
        }
        TrainInfo info = new TrainInfo("synthetic", "bench-search", seed, 0, 0,
                config.streams().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList(), 2.0, TrainInfo.MINILM,
                TrainInfo.MINILM, List.of(), 0, 96, maxMomentClips);
        List<float[][]> random = text == null ? randomFeatures(queries, RANDOM_TOKENS, seed) : List.of();
        return new ModelStack(config, info, text, texts, random, topVideos, SearchBenchmark.MOMENTS_PER_VIDEO,
                SearchBenchmark.VR_TEMPERATURE);
    }

    private static List<float[][]> randomFeatures(int queries, int tokens, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<float[][]> out = new ArrayList<>(queries);
        for (int i = 0; i < queries; i++) {
            float[][] f = new float[tokens][];
            for (int t = 0; t < tokens; t++) {
                f[t] = SyntheticCorpus.unitVector(rnd, MiniLmTextEncoder.DIM);
            }
            out.add(f);
        }
        return out;
    }
}
