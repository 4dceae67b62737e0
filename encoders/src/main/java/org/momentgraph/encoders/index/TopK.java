package org.momentgraph.encoders.index;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The k best (score, ordinal) pairs seen so far, kept in a bounded min-heap of primitives: offering
 * n candidates costs O(n log k) and allocates nothing. Ties rank the smaller ordinal first, so
 * results do not depend on the order candidates are offered in.
 */
final class TopK {

    private final int k;
    private final float[] scores;
    private final int[] ordinals;
    private int size;

    TopK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be > 0: " + k);
        }
        this.k = k;
        scores = new float[k];
        ordinals = new int[k];
    }

    int size() {
        return size;
    }

    /** The worst score kept when full (anything not above it is rejected), else negative infinity. */
    float threshold() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    void offer(int ordinal, float score) {
        if (size < k) {
            scores[size] = score;
            ordinals[size] = ordinal;
            siftUp(size++);
        } else if (better(score, ordinal, scores[0], ordinals[0])) {
            scores[0] = score;
            ordinals[0] = ordinal;
            siftDown(0);
        }
    }

    void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.ordinals[i], other.scores[i]);
        }
    }

    /** Ordinals best first; {@code scoresOut} (length >= size) receives their scores. */
    /** Empties the heap into search hits, best first, naming each ordinal's video with {@code idOf}. */
    List<SearchHit> drainHits(IntFunction<String> idOf) {
        float[] best = new float[size];
        int[] ords = drainBestFirst(best);
        List<SearchHit> hits = new ArrayList<>(ords.length);
        for (int i = 0; i < ords.length; i++) {
            hits.add(new SearchHit(ords[i], idOf.apply(ords[i]), best[i]));
        }
        return hits;
    }

    int[] drainBestFirst(float[] scoresOut) {
        int n = size;
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = ordinals[0];
            scoresOut[i] = scores[0];
            size--;
            scores[0] = scores[size];
            ordinals[0] = ordinals[size];
            siftDown(0);
        }
        return out;
    }

    /** True if (s1, o1) ranks above (s2, o2). */
    private static boolean better(float s1, int o1, float s2, int o2) {
        return s1 > s2 || (s1 == s2 && o1 < o2);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(scores[parent], ordinals[parent], scores[i], ordinals[i])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int worst = l;
            int r = l + 1;
            if (r < size && better(scores[l], ordinals[l], scores[r], ordinals[r])) {
                worst = r;
            }
            if (!better(scores[i], ordinals[i], scores[worst], ordinals[worst])) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int o = ordinals[a];
        ordinals[a] = ordinals[b];
        ordinals[b] = o;
    }
}
