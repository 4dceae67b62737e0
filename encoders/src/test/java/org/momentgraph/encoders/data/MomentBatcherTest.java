package org.momentgraph.encoders.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.momentgraph.encoders.model.Stream;
import org.momentgraph.encoders.testing.ToyCorpus;

class MomentBatcherTest {

    private static final List<Stream> STREAMS = List.of(Stream.VISUAL, Stream.SUBTITLE, Stream.GRAPH);
    private final TrainingSet set = ToyCorpus.generate(40, 20, 90, 3);
    private final List<MomentExample> train = set.split("train");

    @Test
    void everyExampleOncePerEpochNeverTwoOfOneVideoInABatch() {
        MomentBatcher batcher = new MomentBatcher(set.videos(), STREAMS, 8, 40, 11);
        List<List<MomentExample>> groups = batcher.epochGroups(train, 0);
        List<String> seen = new ArrayList<>();
        for (List<MomentExample> g : groups) {
            assertThat(g).hasSizeBetween(2, 8);
            assertThat(g.stream().map(MomentExample::videoId).distinct().count()).isEqualTo(g.size());
            g.forEach(e -> seen.add(e.queryId()));
        }
        // only a query left alone (no other video to pair with) may be skipped
        assertThat(seen).doesNotHaveDuplicates().hasSizeBetween(train.size() - 1, train.size());
        assertThat(batcher.batchCount(train)).isEqualTo(groups.size());
    }

    @Test
    void orderDependsOnlyOnSeedAndEpoch() {
        MomentBatcher a = new MomentBatcher(set.videos(), STREAMS, 8, 40, 11);
        MomentBatcher b = new MomentBatcher(set.videos(), STREAMS, 8, 40, 11);
        assertThat(ids(a.epochGroups(train, 2))).isEqualTo(ids(b.epochGroups(train, 2)));
        assertThat(ids(a.epochGroups(train, 2))).isNotEqualTo(ids(a.epochGroups(train, 3)));
        assertThat(ids(new MomentBatcher(set.videos(), STREAMS, 8, 40, 12).epochGroups(train, 2)))
                .isNotEqualTo(ids(a.epochGroups(train, 2)));
    }

    @Test
    void padsQueriesAndClipsWithZeroMaskAndKeepsMomentsInsideWindows() {
        int maxClips = 32;
        MomentBatcher batcher = new MomentBatcher(set.videos(), STREAMS, 8, maxClips, 5);
        for (PairedBatch batch : batcher.epoch(train, 0)) {
            assertThat(batch.clips()).isLessThanOrEqualTo(maxClips);
            for (int i = 0; i < batch.size(); i++) {
                MomentExample e = batch.examples().get(i);
                VideoStreams v = set.videos().get(e.videoId());
                int real = Math.min(v.length(), maxClips);
                for (int c = 0; c < batch.clips(); c++) {
                    assertThat(batch.clipMask()[i * batch.clips() + c]).isEqualTo(c < real ? 1f : 0f);
                }
                for (int t = 0; t < batch.tokens(); t++) {
                    assertThat(batch.queryMask()[i * batch.tokens() + t]).isEqualTo(t < e.tokenCount() ? 1f : 0f);
                }
                // the moment in window coordinates is the moment in video coordinates
                int offset = batch.windowStart()[i];
                assertThat(batch.startClip()[i] + offset).isEqualTo(e.startClip());
                assertThat(batch.endClip()[i] + offset).isEqualTo(e.endClip());
                // the visual row at the moment start is the video's row
                int row = i * batch.clips() + batch.startClip()[i];
                float[] expected = v.visual()[e.startClip()];
                for (int d = 0; d < expected.length; d++) {
                    assertThat(batch.streams().get(0)[row * ToyCorpus.VISUAL + d]).isEqualTo(expected[d]);
                }
                // padding is zeros
                if (real < batch.clips()) {
                    assertThat(batch.streams().get(2)[(i * batch.clips() + real) * ToyCorpus.GRAPH]).isZero();
                }
            }
        }
    }

    @Test
    void windowOfALongVideoContainsTheMomentAtVaryingOffsets() {
        MomentBatcher batcher = new MomentBatcher(set.videos(), STREAMS, 8, 50, 5);
        Random random = new Random(1);
        Set<Integer> offsets = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int[] w = batcher.window(600, 300, 309, random);
            assertThat(w[1] - w[0]).isEqualTo(50);
            assertThat(w[0]).isLessThanOrEqualTo(300);
            assertThat(w[1]).isGreaterThan(309);
            offsets.add(w[0]);
        }
        assertThat(offsets.size()).isGreaterThan(10);
        // a moment longer than the window keeps its start; a moment at the end keeps its end
        assertThat(batcher.window(600, 100, 199, random)).containsExactly(100, 150);
        assertThat(batcher.window(600, 590, 599, random)[1]).isEqualTo(600);
        assertThat(batcher.window(30, 3, 5, random)).containsExactly(0, 30);
    }

    private static List<List<String>> ids(List<List<MomentExample>> groups) {
        return groups.stream().map(g -> g.stream().map(MomentExample::queryId).toList()).toList();
    }
}
