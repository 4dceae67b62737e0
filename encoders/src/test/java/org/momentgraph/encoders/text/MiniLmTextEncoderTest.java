package org.momentgraph.encoders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MiniLmTextEncoderTest {

    private static MiniLmTextEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = MiniLmTextEncoder.builder().build();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void runsOfflineFromTheClasspath() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(encoder.embed("a person opens a door")).hasSize(MiniLmTextEncoder.DIM);
    }

    @Test
    void paraphraseIsCloserThanAnUnrelatedSentence() {
        float[] query = encoder.embed("a man picks up a cup");
        double paraphrase = Vectors.cosine(query, encoder.embed("a person grabs a mug"));
        double unrelated = Vectors.cosine(query, encoder.embed("the dog sleeps on the bed"));
        assertThat(paraphrase).isGreaterThan(unrelated + 0.2);
    }

    @Test
    void sentenceEmbeddingsAreUnitLength() {
        for (String s : List.of("Sheldon sits down in his spot on the couch.", "person turn a light on.", "x", "")) {
            assertThat(Vectors.norm(encoder.embed(s))).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void sameTextTwiceGivesIdenticalVectorsWithAndWithoutCache() {
        String text = "Howard took a white drone from the hold of Raj.";
        float[] first = encoder.embed(text);
        assertThat(encoder.embed(text)).containsExactly(first);
        try (MiniLmTextEncoder uncached = MiniLmTextEncoder.builder().optCacheSize(0).build()) {
            assertThat(uncached.embed(text)).containsExactly(first);
            assertThat(uncached.embed(text)).containsExactly(first);
            assertThat(uncached.cachedTexts()).isZero();
        }
    }

    @Test
    void directlyPooledQueryEmbeddingMatchesTokenStatesOnOneOrTwoThreads() {
        List<String> texts = List.of("person turn a light on.", "Leonard and Sheldon say goodbye leave Penny's costume party.",
                "x", "", "A woman puts the cup on the table, then sits down.");
        try (MiniLmTextEncoder oneThread = MiniLmTextEncoder.builder().optCacheSize(0).optIntraOpThreads(1).build();
                MiniLmTextEncoder twoThreads = MiniLmTextEncoder.builder().optCacheSize(0).optIntraOpThreads(2).build()) {
            for (String text : texts) {
                float[] viaStates = encoder.encode(text).sentenceEmbedding(); // cached encoder: token-states path
                assertThat(oneThread.embed(text)).as(text).containsExactly(viaStates, within(1e-5f));
                assertThat(twoThreads.embed(text)).as(text).containsExactly(viaStates, within(1e-5f));
            }
            assertThat(oneThread.cachedTexts()).isZero();
        }
    }

    @Test
    void batchOfOneEqualsSingleExactly() {
        List<String> texts = List.of("person turn a light on.", "Raj", "Leonard and Sheldon say goodbye.");
        try (MiniLmTextEncoder batchApi = MiniLmTextEncoder.builder().optCacheSize(0).optBatchSize(1).build();
                MiniLmTextEncoder single = MiniLmTextEncoder.builder().optCacheSize(0).build()) {
            float[][] together = batchApi.embedAll(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(together[i]).as(texts.get(i)).containsExactly(single.embed(texts.get(i)));
            }
        }
    }

    @Test
    void paddedBatchMatchesSingleUpToActivationQuantisation() {
        List<String> texts = List.of(
                "person turn a light on.",
                "Leonard and Sheldon say goodbye leave Penny's costume party.",
                "a person is putting a book on a shelf and then walks away from the bookcase slowly",
                "person turn a light on.",
                "Raj");
        try (MiniLmTextEncoder batched = MiniLmTextEncoder.builder().optCacheSize(0).optBatchSize(8).build();
                MiniLmTextEncoder single = MiniLmTextEncoder.builder().optCacheSize(0).optBatchSize(1).build()) {
            float[][] together = batched.embedAll(texts);
            assertThat(together).hasNumberOfRows(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                float[] alone = single.embed(texts.get(i));
                // the int8 model quantises activations with one scale per tensor, so batch-mates and
                // padding move values a little (observed cosine 0.991-0.994); never a different vector
                assertThat(Vectors.cosine(together[i], alone)).as(texts.get(i)).isGreaterThan(0.98);
                assertThat(Vectors.cosine(together[i], single.embed("the dog sleeps on the bed")))
                        .isLessThan(Vectors.cosine(together[i], alone) - 0.3);
            }
            assertThat(together[3]).containsExactly(together[0]);
        }
    }

    @Test
    void byDefaultATextsStatesDoNotDependOnWhatWasEncodedWithIt() {
        List<String> texts = List.of("person turn a light on.", "Raj",
                "a person is putting a book on a shelf and then walks away from the bookcase slowly");
        try (MiniLmTextEncoder fresh = MiniLmTextEncoder.builder().build()) {
            float[][] together = fresh.embedAll(texts);
            for (int i = 0; i < texts.size(); i++) {
                try (MiniLmTextEncoder alone = MiniLmTextEncoder.builder().optCacheSize(0).build()) {
                    assertThat(together[i]).as(texts.get(i)).containsExactly(alone.embed(texts.get(i)));
                }
            }
        }
    }

    @Test
    void tokenStatesDescribeEveryWordpiece() {
        TokenStates s = encoder.encode("Sheldon's laundry-basket");
        assertThat(s.wordpieces().get(0)).isEqualTo("[CLS]");
        assertThat(s.wordpieces().get(s.length() - 1)).isEqualTo("[SEP]");
        assertThat(s.wordIndex(0)).isEqualTo(-1);
        assertThat(s.dim()).isEqualTo(384);
        assertThat(s.states()).hasNumberOfRows(s.length());
        assertThat(s.tokenizerWords()).containsExactly("Sheldon", "'", "s", "laundry", "-", "basket");
        assertThat(s.tokenizerWordEmbeddings()).hasNumberOfRows(6);
        for (int t = 1; t < s.length() - 1; t++) {
            String piece = s.wordpieces().get(t).replace("##", "");
            assertThat(s.text().substring(s.charStart(t), s.charEnd(t)).toLowerCase()).isEqualTo(piece);
        }
    }

    @Test
    void wordAlignmentCoversEveryWord() {
        List<String> words = List.of("Leonard", "and", "Sheldon", "say", "goodbye", "leave", "Penny", "'s",
                "costume", "party", ".");
        TokenStates s = encoder.encode(String.join(" ", words));
        WordAlignment alignment = s.alignTo(words);
        float[][] vectors = alignment.vectors();
        assertThat(vectors).hasNumberOfRows(words.size());
        for (int w = 0; w < words.size(); w++) {
            assertThat(alignment.covered(w)).as(words.get(w)).isTrue();
            assertThat(vectors[w]).hasSize(384);
        }
        // "costume" is one wordpiece: its word vector is exactly that piece's state
        int[] pieces = alignment.wordpiecesOf(8);
        assertThat(pieces).hasSize(1);
        assertThat(vectors[8]).containsExactly(s.state(pieces[0]));
        // the words of the raw text align as well, and a multi-piece word is the mean of its pieces
        WordAlignment raw = encoder.encode("Leonard and Sheldon say goodbye.").alignTo(List.of("Leonard", "Sheldon", "goodbye"));
        assertThat(raw.covered(0) && raw.covered(1) && raw.covered(2)).isTrue();
        assertThat(encoder.embedWords(words)).hasNumberOfRows(words.size());
    }

    @Test
    void truncatedWordsFallBackAndSayTheyAreUncovered() {
        try (MiniLmTextEncoder shortEncoder = MiniLmTextEncoder.builder().optMaxLength(6).build()) {
            List<String> words = List.of("one", "two", "three", "four", "five", "six", "seven");
            WordAlignment a = shortEncoder.encode(String.join(" ", words)).alignTo(words);
            assertThat(a.covered(0)).isTrue();
            assertThat(a.covered(6)).isFalse();
            assertThat(a.vectors()[6]).hasSize(384);
        }
    }
}
