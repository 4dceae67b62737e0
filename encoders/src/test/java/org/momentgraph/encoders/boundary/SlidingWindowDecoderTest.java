package org.momentgraph.encoders.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Moment;

class SlidingWindowDecoderTest {

    private static float[] noise(Random random, int length) {
        float[] curve = new float[length];
        for (int i = 0; i < length; i++) {
            curve[i] = (float) (0.5 * random.nextGaussian());
        }
        return curve;
    }

    @Test
    void findsAPlantedMomentInATwentyMinuteVideo() {
        ClipGrid grid = new ClipGrid(20 * 60 + 4, 1.5); // 803 clips, the last one 0.5 s
        int length = grid.size();
        assertThat(length).isEqualTo(803);
        Random random = new Random(7);
        BoundaryDecoder decoder = new BoundaryDecoder(16, 5, 0.5);
        SlidingWindowDecoder windows = new SlidingWindowDecoder(decoder, 96, 24);
        // one moment well inside a window, one straddling the first window boundaries (72..96)
        for (int[] planted : new int[][] {{613, 620}, {88, 101}}) {
            float[] start = noise(random, length);
            float[] end = noise(random, length);
            start[planted[0]] = 6f;
            end[planted[1]] = 6f;
            List<ClipSpan> top = windows.decode(start, end, length);
            assertThat(top.get(0).start()).isEqualTo(planted[0]);
            assertThat(top.get(0).end()).isEqualTo(planted[1]);
            assertThat(top).hasSizeLessThanOrEqualTo(5);
            for (int i = 0; i < top.size(); i++) {
                for (int j = i + 1; j < top.size(); j++) {
                    assertThat(top.get(i).iou(top.get(j))).isLessThanOrEqualTo(0.5);
                }
            }
            List<Moment> moments = windows.decodeMoments("long", grid, start, end);
            assertThat(moments.get(0).start()).isEqualTo(planted[0] * 1.5);
            assertThat(moments.get(0).end()).isEqualTo((planted[1] + 1) * 1.5);
        }
    }

    @Test
    void windowsCoverTheVideoWithEnoughOverlap() {
        SlidingWindowDecoder windows = new SlidingWindowDecoder(new BoundaryDecoder(10, 1, 0.5), 50, 9);
        for (int length : new int[] {1, 49, 50, 51, 803}) {
            List<Integer> starts = windows.windowStarts(length);
            assertThat(starts.get(0)).isZero();
            assertThat(starts.get(starts.size() - 1) + Math.min(50, length)).isEqualTo(length);
            // every span of <= 10 clips lies inside one window
            for (int s = 0; s < length; s++) {
                int e = Math.min(length - 1, s + 9);
                int first = s;
                int last = e;
                assertThat(starts).anySatisfy(w -> assertThat(w <= first && last < w + 50).isTrue());
            }
        }
    }

    @Test
    void shortVideosDecodeExactlyLikeOneWindow() {
        Random random = new Random(3);
        BoundaryDecoder decoder = new BoundaryDecoder(8, 4, 0.4);
        SlidingWindowDecoder windows = new SlidingWindowDecoder(decoder, 64, 16);
        float[] start = noise(random, 40);
        float[] end = noise(random, 40);
        assertThat(windows.decode(start, end, 40)).isEqualTo(decoder.decode(start, end, 40));
    }

    @Test
    void runsTheScorerPerWindowOnly() {
        List<int[]> calls = new ArrayList<>();
        SlidingWindowDecoder windows = new SlidingWindowDecoder(new BoundaryDecoder(4, 2, 0.5), 32, 8);
        windows.decode(100, (from, to) -> {
            calls.add(new int[] {from, to});
            return new SlidingWindowDecoder.WindowLogits(new float[to - from], new float[to - from]);
        });
        assertThat(calls).allSatisfy(c -> assertThat(c[1] - c[0]).isEqualTo(32));
        assertThat(calls).hasSize(4);
    }

    @Test
    void rejectsOverlapShorterThanTheLongestMoment() {
        assertThatThrownBy(() -> new SlidingWindowDecoder(new BoundaryDecoder(20, 1, 0.5), 64, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }
}
