package org.momentgraph.encoders.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.momentgraph.encoders.testing.ToyBatch;

/** Each loss is ~0 on a perfect toy configuration and clearly larger on a shuffled one. */
class LossValuesTest {

    /** Cosine-like scores: +1 for the pairs given by {@code videoOf[q]}, -1 elsewhere. */
    private static NDArray scores(NDManager manager, int[] videoOf) {
        int n = videoOf.length;
        float[] s = new float[n * n];
        java.util.Arrays.fill(s, -1f);
        for (int q = 0; q < n; q++) {
            s[q * n + videoOf[q]] = 1f;
        }
        return manager.create(s, new Shape(n, n));
    }

    private static final int[] IDENTITY = {0, 1, 2, 3, 4};
    private static final int[] SHUFFLED = {2, 0, 4, 1, 3};

    @Test
    void hingeIsZeroWhenPositivesLeadByTheMarginAndPositiveOtherwise() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            for (boolean hard : new boolean[] {false, true}) {
                VrHingeLoss loss = new VrHingeLoss(0.1f, hard);
                assertThat(loss.compute(scores(m, IDENTITY)).getFloat()).isZero();
                // every positive is -1 and some negative is +1: violation 2.1 per side with hard negatives
                float shuffled = loss.compute(scores(m, SHUFFLED)).getFloat();
                assertThat(shuffled).isGreaterThan(hard ? 4f : 1f);
            }
            assertThat(new VrHingeLoss(0.1f, true).compute(m.create(new float[] {0.3f}, new Shape(1, 1))).getFloat())
                    .isZero();
        }
    }

    @Test
    void videoContrastIsNearZeroForSeparatedPairs() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            for (boolean symmetric : new boolean[] {false, true}) {
                VideoContrastiveLoss loss = new VideoContrastiveLoss(0.05f, symmetric);
                assertThat(loss.compute(scores(m, IDENTITY)).getFloat()).isLessThan(1e-6f);
                assertThat(loss.compute(scores(m, SHUFFLED)).getFloat()).isGreaterThan(30f);
            }
            // all scores equal: log(n)
            assertThat(new VideoContrastiveLoss(0.05f, false).compute(m.zeros(new Shape(5, 5))).getFloat())
                    .isCloseTo((float) Math.log(5), within(1e-5f));
        }
    }

    @Test
    void localizationIsNearZeroAtTheTruthAndIgnoresPaddedClips() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            int[] starts = {1, 0, 4};
            int[] ends = {3, 5, 4};
            NDArray mask = ToyBatch.mask(m, new int[] {6, 6, 5}, 6);
            NDArray start = m.create(starts).oneHot(6).mul(20f);
            NDArray end = m.create(ends).oneHot(6).mul(20f);
            // a padded clip (row 2, clip 5) with a huge logit must not take probability
            start.set(new ai.djl.ndarray.index.NDIndex("2, 5"), 100f);
            LocalizationLoss loss = new LocalizationLoss();
            float perfect = loss.compute(start, end, mask, m.create(starts), m.create(ends)).getFloat();
            float shuffled = loss.compute(start, end, mask, m.create(new int[] {3, 2, 0}),
                    m.create(new int[] {4, 5, 2})).getFloat();
            assertThat(perfect).isLessThan(1e-6f);
            assertThat(shuffled).isGreaterThan(20f);
        }
    }

    @Test
    void frameContrastSeparatesMomentClipsFromTheRest() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray mask = ToyBatch.mask(m, new int[] {8, 6}, 8);
            NDArray moment = LossMath.spanMask(m.create(new int[] {2, 0}), m.create(new int[] {4, 1}), 8);
            NDArray perfect = moment.mul(2f).sub(1f); // +1 inside, -1 outside
            FrameContrastiveLoss loss = new FrameContrastiveLoss(0.1f);
            float good = loss.compute(perfect, mask, moment).getFloat();
            float bad = loss.compute(perfect.neg(), mask, moment).getFloat();
            // padded clips of row 1 score like positives: they must not count
            NDArray paddedNoise = perfect.add(mask.neg().add(1f).mul(3f));
            assertThat(good).isLessThan(1e-3f);
            assertThat(bad).isGreaterThan(15f);
            assertThat(loss.compute(paddedNoise, mask, moment).getFloat()).isCloseTo(good, within(1e-6f));
        }
    }

    @Test
    void intraVideoContrastIsNearZeroWhenMomentClipsStandApart() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray mask = ToyBatch.mask(m, new int[] {8, 7}, 8);
            NDArray moment = LossMath.spanMask(m.create(new int[] {2, 5}), m.create(new int[] {4, 6}), 8);
            NDArray topic = m.randomNormal(new Shape(2, 1, 16));
            NDArray noise = m.randomNormal(new Shape(2, 8, 16)).mul(0.05f);
            // in-moment clips point along the topic, the others against it
            NDArray perfect = topic.mul(moment.mul(2f).sub(1f).expandDims(2)).add(noise);
            // a wrong moment (two outside clips) shares its look with the other outside clips
            NDArray wrongMoment = LossMath.spanMask(m.create(new int[] {0, 0}), m.create(new int[] {1, 1}), 8);
            IntraVideoContrastiveLoss loss = new IntraVideoContrastiveLoss(0.1f);
            float good = loss.compute(perfect, mask, moment).getFloat();
            float bad = loss.compute(perfect, mask, wrongMoment).getFloat();
            assertThat(good).isLessThan(1e-4f);
            assertThat(bad).isGreaterThan(0.5f);
        }
    }

    @Test
    void spanMaskMarksInclusiveRanges() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray mask = LossMath.spanMask(m.create(new int[] {1, 0}), m.create(new int[] {2, 0}), 4);
            assertThat(mask.toFloatArray()).containsExactly(0, 1, 1, 0, 1, 0, 0, 0);
        }
    }
}
