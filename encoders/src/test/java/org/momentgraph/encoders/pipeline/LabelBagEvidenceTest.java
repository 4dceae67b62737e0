package org.momentgraph.encoders.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Video;

class LabelBagEvidenceTest {

    private static final List<String> WORDS = List.of("cup", "sofa", "door", "the", "puts", "on");

    /** A toy sentence encoder: the unit sum of one-hot word vectors, so cosines are easy to read. */
    private static float[] words(String text) {
        float[] v = new float[WORDS.size()];
        for (String w : text.split(" ")) {
            int i = WORDS.indexOf(w);
            if (i >= 0) {
                v[i] += 1;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    private static SortedMap<String, Integer> bag(String... labels) {
        SortedMap<String, Integer> bag = new TreeMap<>();
        for (String l : labels) {
            bag.merge(l, 3, Integer::sum);
        }
        return bag;
    }

    private final Function<String, float[]> encoder = LabelBagEvidenceTest::words;
    private final Video apart = new Video("apart", 6, 2);
    private final Video cupOnly = new Video("cupOnly", 6, 2);
    private final LabelBagEvidence evidence = new LabelBagEvidence(Map.of(
            "apart", List.of(bag("cup"), bag("sofa"), bag()),
            "cupOnly", List.of(bag("cup"), bag("cup"), bag("cup"))), encoder, encoder);

    @Test
    void clipsScoreByTheirOwnLabelsAndEmptyClipsScoreZero() {
        List<float[]> clips = evidence.clipScores("puts the cup on the sofa", List.of(apart, cupOnly));
        float[] a = clips.get(0);
        assertThat(a).hasSize(3);
        assertThat(a[2]).isZero();
        assertThat(a[0]).isCloseTo(a[1], within(1e-6f)).isPositive();
        assertThat(Scores.max(clips.get(1))).isCloseTo(Scores.max(a), within(1e-6));
    }
}
