package org.momentgraph.encoders.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * The clip-filter budget over one query's candidate videos: every clip is ranked by its evidence plus
 * {@code videoWeight} times its video's best evidence (so clips of a clearly relevant video outrank a
 * stray clip elsewhere), and the best {@code ceil(keepFraction * clips)} survive (at least one). A
 * video survives when one of its clips does.
 */
final class ClipScreen {

    private ClipScreen() {
    }

    /** Which of the videos survive; {@code lengths[v]} is the number of clips of video v. */
    static boolean[] survivors(List<float[]> evidence, int[] lengths, double keepFraction, double videoWeight) {
        int total = 0;
        for (int length : lengths) {
            total += length;
        }
        double[] keys = new double[total];
        int[] owner = new int[total];
        int next = 0;
        for (int v = 0; v < lengths.length; v++) {
            float[] scores = evidence.get(v);
            double best = Scores.max(scores);
            for (int c = 0; c < lengths[v]; c++) {
                keys[next] = (c < scores.length ? scores[c] : 0) + videoWeight * best;
                owner[next++] = v;
            }
        }
        int keep = Math.max(1, (int) Math.ceil(keepFraction * total));
        List<Integer> order = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            order.add(i);
        }
        // stable sort: equal keys keep the VR order of their videos
        order.sort((a, b) -> Double.compare(keys[b], keys[a]));
        boolean[] survive = new boolean[lengths.length];
        for (int i = 0; i < Math.min(keep, total); i++) {
            survive[owner[order.get(i)]] = true;
        }
        return survive;
    }
}
