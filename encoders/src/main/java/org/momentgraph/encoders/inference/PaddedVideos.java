package org.momentgraph.encoders.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Encoded videos stacked for one batched scoring run: clip states {@code [B, S, L, H]} with zero
 * padding, clip mask {@code [B, L]}, summaries {@code [B, S, H]} and NetVLAD vectors when present.
 */
record PaddedVideos(NDArray states, NDArray mask, NDArray summaries, NDArray vlad, int clips) {

    static PaddedVideos of(NDManager manager, List<EncodedVideo> videos) {
        EncodedVideo first = videos.get(0);
        int b = videos.size();
        int s = first.streams();
        int h = first.hidden();
        int l = videos.stream().mapToInt(EncodedVideo::length).max().orElse(1);
        float[] states = new float[b * s * l * h];
        float[] mask = new float[b * l];
        float[] summaries = new float[b * s * h];
        float[] vlad = first.vlad() == null ? null : new float[b * s * h];
        for (int i = 0; i < b; i++) {
            EncodedVideo v = videos.get(i);
            if (v.streams() != s || v.hidden() != h) {
                throw new IllegalArgumentException("video " + v.id() + " was encoded by a different model (S="
                        + v.streams() + ", H=" + v.hidden() + ", expected " + s + ", " + h + ")");
            }
            int len = v.length();
            for (int st = 0; st < s; st++) {
                System.arraycopy(v.clipStates(), st * len * h, states, ((i * s + st) * l) * h, len * h);
            }
            java.util.Arrays.fill(mask, i * l, i * l + len, 1f);
            System.arraycopy(v.summaries(), 0, summaries, i * s * h, s * h);
            if (vlad != null) {
                System.arraycopy(v.vlad(), 0, vlad, i * s * h, s * h);
            }
        }
        return new PaddedVideos(manager.create(states, new Shape(b, s, l, h)), manager.create(mask, new Shape(b, l)),
                manager.create(summaries, new Shape(b, s, h)),
                vlad == null ? null : manager.create(vlad, new Shape(b, s, h)), l);
    }
}
