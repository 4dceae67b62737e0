package org.momentgraph.encoders.inference;

import java.util.Arrays;
import org.momentgraph.domain.Video;

/**
 * A video as the video encoder sees it, in plain float arrays a corpus index can store: per-clip
 * states of every stream and per-stream summaries (the masked mean of the clip states, which the
 * query-aware fusion reads), plus NetVLAD vectors when the model has them. Encode once per video;
 * queries are scored against it without running the video encoder again.
 *
 * @param video the video (its grid gives clip times)
 * @param streams S
 * @param hidden H
 * @param length L clips
 * @param clipStates {@code [S, L, H]} row-major
 * @param summaries {@code [S, H]}
 * @param vlad {@code [S, H]} NetVLAD vectors, or null when the model scores videos by their best clip
 */
public record EncodedVideo(Video video, int streams, int hidden, int length, float[] clipStates, float[] summaries,
        float[] vlad) {

    public EncodedVideo {
        if (clipStates.length != streams * length * hidden || summaries.length != streams * hidden
                || (vlad != null && vlad.length != streams * hidden)) {
            throw new IllegalArgumentException("video " + video.id() + ": encoded arrays do not match S=" + streams
                    + ", L=" + length + ", H=" + hidden);
        }
    }

    public String id() {
        return video.id();
    }

    /** The video-level vector to store: summaries, then NetVLAD vectors when present ({@code [S*H]} or {@code [2*S*H]}). */
    public float[] videoVector() {
        if (vlad == null) {
            return summaries.clone();
        }
        float[] out = Arrays.copyOf(summaries, summaries.length * 2);
        System.arraycopy(vlad, 0, out, summaries.length, vlad.length);
        return out;
    }

    /** Per-clip vectors to store: {@code [L][S*H]}, the streams of a clip side by side. */
    public float[][] clipVectors() {
        float[][] out = new float[length][streams * hidden];
        for (int s = 0; s < streams; s++) {
            for (int l = 0; l < length; l++) {
                System.arraycopy(clipStates, (s * length + l) * hidden, out[l], s * hidden, hidden);
            }
        }
        return out;
    }

    /** Rebuilds an encoding from {@link #videoVector()} and {@link #clipVectors()} (e.g. read from an index). */
    public static EncodedVideo fromVectors(Video video, int streams, int hidden, float[] videoVector,
            float[][] clipVectors) {
        int sh = streams * hidden;
        if (videoVector.length != sh && videoVector.length != 2 * sh) {
            throw new IllegalArgumentException("video vector of " + video.id() + " has " + videoVector.length
                    + " values, expected " + sh + " or " + 2 * sh);
        }
        int length = clipVectors.length;
        float[] states = new float[sh * length];
        for (int l = 0; l < length; l++) {
            if (clipVectors[l].length != sh) {
                throw new IllegalArgumentException("clip " + l + " of " + video.id() + " has " + clipVectors[l].length
                        + " values, expected " + sh);
            }
            for (int s = 0; s < streams; s++) {
                System.arraycopy(clipVectors[l], s * hidden, states, (s * length + l) * hidden, hidden);
            }
        }
        float[] summaries = Arrays.copyOf(videoVector, sh);
        float[] vlad = videoVector.length == 2 * sh ? Arrays.copyOfRange(videoVector, sh, 2 * sh) : null;
        return new EncodedVideo(video, streams, hidden, length, states, summaries, vlad);
    }

    /** Summaries of stitched states: the mean over clips per stream. */
    static float[] meanOverClips(float[] states, int streams, int length, int hidden) {
        float[] out = new float[streams * hidden];
        for (int s = 0; s < streams; s++) {
            for (int l = 0; l < length; l++) {
                int base = (s * length + l) * hidden;
                for (int h = 0; h < hidden; h++) {
                    out[s * hidden + h] += states[base + h];
                }
            }
            for (int h = 0; h < hidden; h++) {
                out[s * hidden + h] /= length;
            }
        }
        return out;
    }
}
