package org.momentgraph.encoders.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.ClipLabelBags;

class LabelTextEvidenceTest {

    private static final List<String> WORDS = List.of("cup", "sofa", "door", "sheldon", "penny", "puts");

    /** Each text embedded by this toy encoder, batch by batch. */
    private final List<List<String>> batches = new ArrayList<>();

    /** A toy sentence encoder: counts of known words, so cosines are easy to read. */
    private float[][] embed(List<String> texts) {
        batches.add(List.copyOf(texts));
        float[][] out = new float[texts.size()][WORDS.size()];
        for (int t = 0; t < texts.size(); t++) {
            for (String w : texts.get(t).split(" ")) {
                int i = WORDS.indexOf(w);
                if (i >= 0) {
                    out[t][i] += 1;
                }
            }
        }
        return out;
    }

    private static SortedMap<String, Integer> bag(Object... labelsAndFrames) {
        SortedMap<String, Integer> bag = new TreeMap<>();
        for (int i = 0; i < labelsAndFrames.length; i += 2) {
            bag.put((String) labelsAndFrames[i], (Integer) labelsAndFrames[i + 1]);
        }
        return bag;
    }

    private final Video sheldonCup = new Video("sheldonCup", 6, 2);
    private final Video pennyDoor = new Video("pennyDoor", 6, 2);
    private final Video unlabelled = new Video("unlabelled", 4, 2);
    private final Video unknown = new Video("unknown", 4, 2);
    private final LabelTextEvidence evidence = new LabelTextEvidence(Map.of(
            "sheldonCup", List.of(bag("sheldon", 3), bag("cup", 1, "sheldon", 2), bag()),
            "pennyDoor", List.of(bag("penny", 2), bag("door", 2), bag("door", 1)),
            "unlabelled", List.of(bag(), bag())), this::embed);

    @Test
    void aVideoScoresTheCosineOfTheQueryWithAllItsLabelsJoined() {
        double[] s = evidence.videoScores("sheldon puts the cup on the sofa",
                List.of(sheldonCup, pennyDoor, unlabelled, unknown));
        // query (cup 1, sofa 1, sheldon 1, puts 1) against "sheldon cup" (one each): 2 / (2 * sqrt 2)
        assertThat(s[0]).isCloseTo(2 / (2 * Math.sqrt(2)), within(1e-6));
        assertThat(s[1]).isZero();
        // no labels, or a video the evidence was not given: nothing to say, 0
        assertThat(s[2]).isZero();
        assertThat(s[3]).isZero();
    }

    @Test
    void videoTextsAreEmbeddedOnceInOneBatchAndTheQueryOncePerChange() {
        evidence.videoScores("penny opens the door", List.of(sheldonCup, pennyDoor, unlabelled));
        evidence.videoScores("penny opens the door", List.of(pennyDoor, sheldonCup));
        evidence.videoScores("sheldon", List.of(pennyDoor));
        // labels most frames first: sheldon (5) before cup (1); door (3) before penny (2)
        assertThat(batches).containsExactly(List.of("sheldon cup", "door penny"), List.of("penny opens the door"),
                List.of("sheldon"));
    }

    @Test
    void joinedTextOrdersLabelsByFramesThenAlphabetically() {
        assertThat(ClipLabelBags.joinedText(bag("sofa", 2, "cup", 2, "sheldon", 7))).isEqualTo("sheldon cup sofa");
        assertThat(ClipLabelBags.joinedText(bag())).isEmpty();
    }
}
