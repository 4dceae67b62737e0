package org.momentgraph.eval.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Assigns videos to train/val/test 70/15/15 in blocks of 20 consecutive videos, shuffled within each
 * block from the seed: every prefix of 20k videos is split exactly, and a video's split depends only on
 * the seed and its index (so it can be computed while streaming).
 */
public final class Splits {

    public static final List<String> NAMES = List.of("train", "val", "test");
    private static final int BLOCK = 20;
    private static final int TRAIN = 14;
    private static final int VAL = 3;

    private Splits() {
    }

    public static String of(long seed, int index) {
        int block = index / BLOCK;
        int[] order = new int[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + block);
        for (int i = BLOCK - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int position = order[index % BLOCK];
        return position < TRAIN ? "train" : position < TRAIN + VAL ? "val" : "test";
    }
}
