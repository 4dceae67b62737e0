package org.momentgraph.encoders.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The encoder's output for one text: its wordpieces (including {@code [CLS]} and {@code [SEP]}),
 * where each came from (the tokenizer's word index, -1 for special tokens, and character offsets
 * into the text), and the last hidden state of each, {@code float[T][384]}.
 *
 * <p>Immutable: accessors hand out copies, so a cached instance can be shared between threads.
 */
public final class TokenStates {

    private final String text;
    private final String[] wordpieces;
    private final int[] wordIndex;
    private final int[] charStart;
    private final int[] charEnd;
    private final float[][] states;
    private final float[] sentenceEmbedding;

    TokenStates(String text, String[] wordpieces, int[] wordIndex, int[] charStart, int[] charEnd, float[][] states) {
        int t = wordpieces.length;
        if (wordIndex.length != t || charStart.length != t || charEnd.length != t || states.length != t || t == 0) {
            throw new IllegalArgumentException("token arrays disagree in length for: " + text);
        }
        this.text = text;
        this.wordpieces = wordpieces;
        this.wordIndex = wordIndex;
        this.charStart = charStart;
        this.charEnd = charEnd;
        this.states = states;
        // sentence-transformers: mean over every position the attention mask keeps (specials included), then L2
        this.sentenceEmbedding = Vectors.normalizeInPlace(Vectors.meanOfRows(states, IntStream.range(0, t).toArray()));
    }

    /** Builds the states of one text from its (unpadded) encoding and the model rows that belong to it. */
    static TokenStates from(String text, Encoding e, float[][] states) {
        int n = states.length;
        long[] wordIds = e.getWordIds();
        CharSpan[] spans = e.getCharTokenSpans();
        int[] word = new int[n];
        int[] start = new int[n];
        int[] end = new int[n];
        for (int p = 0; p < n; p++) {
            word[p] = (int) wordIds[p];
            CharSpan span = spans == null || p >= spans.length ? null : spans[p];
            if (span != null) {
                start[p] = Math.min(span.getStart(), text.length());
                end[p] = Math.min(span.getEnd(), text.length());
            }
        }
        return new TokenStates(text, e.getTokens().clone(), word, start, end, states);
    }

    public String text() {
        return text;
    }

    /** Number of wordpieces T, special tokens included. */
    public int length() {
        return wordpieces.length;
    }

    /** Hidden size (384 for MiniLM-L6). */
    public int dim() {
        return states[0].length;
    }

    public List<String> wordpieces() {
        return List.of(wordpieces);
    }

    /** The tokenizer's word index of wordpiece {@code t}; -1 for {@code [CLS]}, {@code [SEP]}. */
    public int wordIndex(int t) {
        return wordIndex[t];
    }

    /** Character offset (inclusive) of wordpiece {@code t} in {@link #text()}; 0 for special tokens. */
    public int charStart(int t) {
        return charStart[t];
    }

    /** Character offset (exclusive) of wordpiece {@code t} in {@link #text()}; 0 for special tokens. */
    public int charEnd(int t) {
        return charEnd[t];
    }

    /** Hidden state of wordpiece {@code t} (a copy). */
    public float[] state(int t) {
        return states[t].clone();
    }

    /** All hidden states, {@code [T][dim]} (a deep copy). */
    public float[][] states() {
        float[][] copy = new float[states.length][];
        for (int t = 0; t < states.length; t++) {
            copy[t] = states[t].clone();
        }
        return copy;
    }

    /** Mean-pooled, L2-normalised sentence embedding, as sentence-transformers computes it. */
    public float[] sentenceEmbedding() {
        return sentenceEmbedding.clone();
    }

    /** Number of words the tokenizer's pre-tokenizer found (it splits on spaces and punctuation). */
    public int tokenizerWordCount() {
        return Arrays.stream(wordIndex).max().orElse(-1) + 1;
    }

    /** The tokenizer's words, as text spans, in order. */
    public List<String> tokenizerWords() {
        List<String> words = new ArrayList<>();
        for (int[] pieces : piecesPerTokenizerWord()) {
            words.add(text.substring(charStart[pieces[0]], charEnd[pieces[pieces.length - 1]]));
        }
        return words;
    }

    /** One vector per tokenizer word: the mean of its wordpieces' states. */
    public float[][] tokenizerWordEmbeddings() {
        return piecesPerTokenizerWord().stream().map(p -> Vectors.meanOfRows(states, p)).toArray(float[][]::new);
    }

    /**
     * One vector per given word: the mean of the wordpieces whose characters fall inside that word.
     * The words must occur in {@link #text()} in order (as the tokens of any tokenizer run on this
     * text do). See {@link WordAlignment}.
     */
    public WordAlignment alignTo(List<String> words) {
        return WordAlignment.of(this, words);
    }

    float[][] rawStates() {
        return states;
    }

    private List<int[]> piecesPerTokenizerWord() {
        List<int[]> result = new ArrayList<>();
        for (int w = 0; w < tokenizerWordCount(); w++) {
            int word = w;
            int[] pieces = IntStream.range(0, wordIndex.length).filter(t -> wordIndex[t] == word).toArray();
            if (pieces.length > 0) {
                result.add(pieces);
            }
        }
        return result;
    }
}
