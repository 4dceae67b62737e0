package org.momentgraph.encoders.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Word vectors for a caller's own word list (e.g. OpenNLP tokens), pooled from MiniLM wordpieces by
 * character overlap. A word that no wordpiece covers (text cut off at the encoder's maximum length,
 * or characters the tokenizer drops) gets the mean of all the text's states instead, and
 * {@link #covered(int)} says so.
 */
public final class WordAlignment {

    private final List<String> words;
    private final float[][] vectors;
    private final int[][] pieces;

    private WordAlignment(List<String> words, float[][] vectors, int[][] pieces) {
        this.words = words;
        this.vectors = vectors;
        this.pieces = pieces;
    }

    static WordAlignment of(TokenStates states, List<String> words) {
        String text = states.text();
        String lower = text.toLowerCase(Locale.ROOT);
        int cursor = 0;
        int[][] pieces = new int[words.size()][];
        float[][] vectors = new float[words.size()][];
        float[][] raw = states.rawStates();
        float[] fallback = Vectors.meanOfRows(raw, IntStream.range(0, raw.length).toArray());
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            int start = text.indexOf(word, cursor);
            if (start < 0) {
                start = lower.indexOf(word.toLowerCase(Locale.ROOT), cursor);
            }
            if (start < 0) {
                throw new IllegalArgumentException("word " + w + " '" + word + "' not found in order in: " + text);
            }
            int end = start + word.length();
            cursor = end;
            List<Integer> inside = new ArrayList<>();
            for (int t = 0; t < states.length(); t++) {
                boolean special = states.wordIndex(t) < 0 && states.charEnd(t) == 0;
                if (!special && states.charStart(t) < end && states.charEnd(t) > start) {
                    inside.add(t);
                }
            }
            pieces[w] = inside.stream().mapToInt(Integer::intValue).toArray();
            vectors[w] = pieces[w].length == 0 ? fallback.clone() : Vectors.meanOfRows(raw, pieces[w]);
        }
        return new WordAlignment(List.copyOf(words), vectors, pieces);
    }

    public List<String> words() {
        return words;
    }

    /** One vector per word, in the words' order (a deep copy). */
    public float[][] vectors() {
        float[][] copy = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            copy[i] = vectors[i].clone();
        }
        return copy;
    }

    /** Indices (into {@link TokenStates#wordpieces()}) of the wordpieces pooled for word {@code w}. */
    public int[] wordpiecesOf(int w) {
        return pieces[w].clone();
    }

    /** Whether word {@code w} had at least one wordpiece of its own. */
    public boolean covered(int w) {
        return pieces[w].length > 0;
    }
}
