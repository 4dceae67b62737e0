package org.momentgraph.encoders.inference;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.model.Stream;

/**
 * Runs the video encoder over whole videos in padded batches. A video longer than the window (the
 * training window) is encoded as overlapping windows of exactly that size, and each clip keeps its
 * state from the window whose centre is nearest, so every clip sees context on both sides as in
 * training and memory stays bounded whatever the length; NetVLAD vectors are averaged over windows.
 */
final class WindowedVideoEncoder {

    /** Videos (or windows) per encoder run. */
    static final int CHUNK = 16;

    private final DualEncoderModel model;
    private final ModelConfig config;
    private final List<Stream> streams;
    private final int window;
    private final int stride;

    WindowedVideoEncoder(DualEncoderModel model, int window) {
        this.model = model;
        this.config = model.config();
        this.streams = config.streams();
        this.window = window;
        this.stride = Math.max(1, window - Math.max(1, window / 4));
    }

    int window() {
        return window;
    }

    List<EncodedVideo> encode(NDManager parent, ParameterStore ps, List<VideoStreams> videos) {
        EncodedVideo[] out = new EncodedVideo[videos.size()];
        List<Integer> shortOnes = new ArrayList<>();
        for (int i = 0; i < videos.size(); i++) {
            if (videos.get(i).length() <= window) {
                shortOnes.add(i);
            } else {
                out[i] = encodeLong(parent, ps, videos.get(i));
            }
        }
        shortOnes.sort(Comparator.comparingInt(i -> videos.get(i).length()));
        for (int from = 0; from < shortOnes.size(); from += CHUNK) {
            List<Integer> chunk = shortOnes.subList(from, Math.min(shortOnes.size(), from + CHUNK));
            List<VideoStreams> pieces = chunk.stream().map(videos::get).toList();
            List<float[][]> encoded = run(parent, ps, pieces);
            for (int k = 0; k < chunk.size(); k++) {
                VideoStreams v = pieces.get(k);
                float[] states = encoded.get(k)[0];
                out[chunk.get(k)] = new EncodedVideo(v.video(), streams.size(), config.hiddenSize(), v.length(), states,
                        EncodedVideo.meanOverClips(states, streams.size(), v.length(), config.hiddenSize()),
                        encoded.get(k)[1]);
            }
        }
        return List.of(out);
    }

    /** Window starts covering [0, length): stride apart, the last one ending at the video's end. */
    List<Integer> windowStarts(int length) {
        List<Integer> starts = new ArrayList<>();
        for (int from = 0; from + window < length; from += stride) {
            starts.add(from);
        }
        starts.add(Math.max(0, length - window));
        return starts;
    }

    private EncodedVideo encodeLong(NDManager parent, ParameterStore ps, VideoStreams video) {
        int length = video.length();
        int h = config.hiddenSize();
        int s = streams.size();
        List<Integer> starts = windowStarts(length);
        List<float[][]> encoded = new ArrayList<>();
        for (int from = 0; from < starts.size(); from += CHUNK) {
            List<VideoStreams> pieces = new ArrayList<>();
            for (int w = from; w < Math.min(starts.size(), from + CHUNK); w++) {
                pieces.add(video.window(starts.get(w), starts.get(w) + window));
            }
            encoded.addAll(run(parent, ps, pieces));
        }
        float[] states = new float[s * length * h];
        for (int c = 0; c < length; c++) {
            int best = 0;
            for (int w = 1; w < starts.size(); w++) {
                if (Math.abs(c - (starts.get(w) + window / 2.0)) < Math.abs(c - (starts.get(best) + window / 2.0))) {
                    best = w;
                }
            }
            int local = c - starts.get(best);
            float[] piece = encoded.get(best)[0];
            for (int st = 0; st < s; st++) {
                System.arraycopy(piece, (st * window + local) * h, states, (st * length + c) * h, h);
            }
        }
        float[] vlad = null;
        if (encoded.get(0)[1] != null) {
            vlad = new float[s * h];
            for (float[][] piece : encoded) {
                for (int k = 0; k < vlad.length; k++) {
                    vlad[k] += piece[1][k] / encoded.size();
                }
            }
        }
        return new EncodedVideo(video.video(), s, h, length, states, EncodedVideo.meanOverClips(states, s, length, h),
                vlad);
    }

    /** One padded encoder run; per piece {states [S, L_piece, H], vlad [S, H] or null}. */
    private List<float[][]> run(NDManager parent, ParameterStore ps, List<VideoStreams> pieces) {
        int b = pieces.size();
        int l = pieces.stream().mapToInt(VideoStreams::length).max().orElse(1);
        int h = config.hiddenSize();
        int s = streams.size();
        try (NDManager manager = parent.newSubManager()) {
            NDList inputs = new NDList(s + 1);
            for (Stream stream : streams) {
                int d = config.streamDim(stream);
                float[] flat = new float[b * l * d];
                for (int i = 0; i < b; i++) {
                    float[][] rows = pieces.get(i).streams(List.of(stream)).get(0);
                    if (rows[0].length != d) {
                        throw new IllegalArgumentException("video " + pieces.get(i).id() + ": " + stream + " rows have "
                                + rows[0].length + " values, the model expects " + d);
                    }
                    for (int c = 0; c < rows.length; c++) {
                        System.arraycopy(rows[c], 0, flat, (i * l + c) * d, d);
                    }
                }
                inputs.add(manager.create(flat, new Shape(b, l, d)));
            }
            float[] mask = new float[b * l];
            for (int i = 0; i < b; i++) {
                java.util.Arrays.fill(mask, i * l, i * l + pieces.get(i).length(), 1f);
            }
            inputs.add(manager.create(mask, new Shape(b, l)));
            NDList outputs = model.videoEncoder().forward(ps, inputs, false);
            float[] states = outputs.get(0).toFloatArray(); // [B, S, L, H]
            float[] vlads = outputs.size() > 1 ? outputs.get(1).toFloatArray() : null; // [B, S, H]
            List<float[][]> result = new ArrayList<>(b);
            for (int i = 0; i < b; i++) {
                int len = pieces.get(i).length();
                float[] own = new float[s * len * h];
                for (int st = 0; st < s; st++) {
                    System.arraycopy(states, ((i * s + st) * l) * h, own, st * len * h, len * h);
                }
                float[] vlad = vlads == null ? null : java.util.Arrays.copyOfRange(vlads, i * s * h, (i + 1) * s * h);
                result.add(new float[][] {own, vlad});
            }
            return result;
        }
    }
}
