package org.momentgraph.encoders.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Moment;

class BoundaryDecoderTest {

    /** Every admissible span sorted by score, then the same greedy NMS written the plain way. */
    static List<ClipSpan> bruteForce(double[] ps, double[] pe, int maxLength, int topN, double threshold) {
        List<ClipSpan> all = new ArrayList<>();
        for (int s = 0; s < ps.length; s++) {
            for (int e = s; e < pe.length; e++) {
                if (e - s + 1 <= maxLength) {
                    all.add(new ClipSpan(s, e, ps[s] * pe[e]));
                }
            }
        }
        all.sort(Comparator.comparingDouble(ClipSpan::score).reversed()
                .thenComparingInt(ClipSpan::start).thenComparingInt(ClipSpan::end));
        List<ClipSpan> kept = new ArrayList<>();
        for (ClipSpan candidate : all) {
            if (kept.size() == topN) {
                break;
            }
            if (kept.stream().allMatch(k -> k.iou(candidate) <= threshold)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    static float[] randomLogits(Random random, int length) {
        float[] logits = new float[length];
        for (int i = 0; i < length; i++) {
            logits[i] = (float) (2 * random.nextGaussian());
        }
        return logits;
    }

    @Test
    void matchesBruteForceOnRandomCurves() {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int length = 1 + random.nextInt(60);
            int maxLength = 1 + random.nextInt(20);
            int topN = 1 + random.nextInt(10);
            double threshold = random.nextBoolean() ? 0.5 : random.nextDouble();
            float[] start = randomLogits(random, length);
            float[] end = randomLogits(random, length);
            BoundaryDecoder decoder = new BoundaryDecoder(maxLength, topN, threshold);
            List<ClipSpan> decoded = decoder.decode(start, end, length);
            List<ClipSpan> expected = bruteForce(BoundaryDecoder.softmax(start, 0, length),
                    BoundaryDecoder.softmax(end, 0, length), maxLength, topN, threshold);
            assertThat(decoded).as("trial %d", trial).isEqualTo(expected);
            assertThat(decoded).allSatisfy(span -> {
                assertThat(span.length()).isBetween(1, maxLength);
                assertThat(span.end()).isLessThan(length);
            });
        }
    }

    @Test
    void topOneIsTheBestAdmissiblePairAndIgnoresPadding() {
        float[] start = {0, 0, 5, 0, 0, 0, 9};
        float[] end = {0, 0, 0, 0, 6, 0, 9};
        // clip 6 is padding: its logits must not count
        List<ClipSpan> top = new BoundaryDecoder(4, 1, 0.5).decode(start, end, 6);
        assertThat(top).hasSize(1);
        assertThat(top.get(0).start()).isEqualTo(2);
        assertThat(top.get(0).end()).isEqualTo(4);
        // with maxLength 2 the pair (2, 4) is not admissible: end must move to 2 or 3, or start to 3 or 4
        ClipSpan short2 = new BoundaryDecoder(2, 1, 0.5).decode(start, end, 6).get(0);
        assertThat(short2.length()).isLessThanOrEqualTo(2);
        assertThat(short2.start() == 2 || short2.end() == 4).isTrue();
    }

    @Test
    void momentsAreInSecondsOnTheClipGrid() {
        ClipGrid grid = new ClipGrid(10.0, 1.5); // 7 clips, the last one 1 s long
        float[] start = {0, 0, 0, 0, 0, 8, 0};
        float[] end = {0, 0, 0, 0, 0, 0, 8};
        List<Moment> moments = new BoundaryDecoder(5, 3, 0.5).decodeMoments("v1", grid, start, end);
        assertThat(moments).hasSize(3);
        assertThat(moments.get(0).videoId()).isEqualTo("v1");
        assertThat(moments.get(0).start()).isCloseTo(7.5, within(1e-9));
        assertThat(moments.get(0).end()).isCloseTo(10.0, within(1e-9));
        assertThat(moments.get(0).score()).isGreaterThan(moments.get(1).score());
    }
}
