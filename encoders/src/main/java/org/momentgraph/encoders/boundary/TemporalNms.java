package org.momentgraph.encoders.boundary;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy temporal non-maximum suppression: repeatedly keep the best remaining span and drop
 * those overlapping a kept one by more than the IoU threshold. Ties go to the earlier start, then
 * the earlier end, so results are deterministic.
 *
 * <p>Candidates are ordered with a binary heap built in O(n) and popped only until {@code topN}
 * spans are kept, so selecting from n candidates costs O(n + popped * (log n + topN)).
 */
public final class TemporalNms {

    private TemporalNms() {
    }

    /** Selects from candidates {@code 0..count-1} given as parallel arrays. */
    public static List<ClipSpan> select(int[] starts, int[] ends, double[] scores, int count,
            int topN, double iouThreshold) {
        int[] heap = new int[count];
        for (int i = 0; i < count; i++) {
            heap[i] = i;
        }
        Order order = new Order(starts, ends, scores);
        for (int i = count / 2 - 1; i >= 0; i--) {
            siftDown(heap, i, count, order);
        }
        List<ClipSpan> kept = new ArrayList<>(topN);
        int size = count;
        while (size > 0 && kept.size() < topN) {
            int best = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, 0, size, order);
            if (!overlapsKept(kept, starts[best], ends[best], iouThreshold)) {
                kept.add(new ClipSpan(starts[best], ends[best], scores[best]));
            }
        }
        return kept;
    }

    public static List<ClipSpan> select(List<ClipSpan> candidates, int topN, double iouThreshold) {
        int n = candidates.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            ClipSpan span = candidates.get(i);
            starts[i] = span.start();
            ends[i] = span.end();
            scores[i] = span.score();
        }
        return select(starts, ends, scores, n, topN, iouThreshold);
    }

    private static boolean overlapsKept(List<ClipSpan> kept, int start, int end, double threshold) {
        for (ClipSpan span : kept) {
            if (ClipSpan.iou(start, end, span.start(), span.end()) > threshold) {
                return true;
            }
        }
        return false;
    }

    private record Order(int[] starts, int[] ends, double[] scores) {
        /** True when candidate a comes before candidate b. */
        boolean before(int a, int b) {
            if (scores[a] != scores[b]) {
                return scores[a] > scores[b];
            }
            if (starts[a] != starts[b]) {
                return starts[a] < starts[b];
            }
            return ends[a] < ends[b];
        }
    }

    private static void siftDown(int[] heap, int i, int size, Order order) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && order.before(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!order.before(heap[child], heap[i])) {
                return;
            }
            int tmp = heap[i];
            heap[i] = heap[child];
            heap[child] = tmp;
            i = child;
        }
    }
}
