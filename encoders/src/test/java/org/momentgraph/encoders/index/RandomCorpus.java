package org.momentgraph.encoders.index;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.momentgraph.domain.Video;

/** Seeded random video encodings for index tests. */
final class RandomCorpus {

    static final String MODEL = "test-model";
    static final String FINGERPRINT = "fp-1";

    private RandomCorpus() {
    }

    static float[] unitVector(Random rnd, int dim) {
        float[] v = new float[dim];
        double n = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) rnd.nextGaussian();
            n += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) {
            v[i] /= (float) Math.sqrt(n);
        }
        return v;
    }

    /** Video {@code id} with {@code clips} clips of 2 s, unit vectors, and a "boxes" extra of width 3 when asked. */
    static VideoEncoding video(Random rnd, String id, int clips, int dim, boolean withExtra) {
        float[][] clipVectors = new float[clips][];
        float[][] extra = new float[clips][3];
        for (int c = 0; c < clips; c++) {
            clipVectors[c] = unitVector(rnd, dim);
            for (int j = 0; j < 3; j++) {
                extra[c][j] = rnd.nextFloat();
            }
        }
        Video video = new Video(id, clips * 2.0 - 0.5, 2.0);
        return new VideoEncoding(video, unitVector(rnd, dim), clipVectors, withExtra ? Map.of("boxes", extra) : Map.of());
    }

    static CorpusIndexWriter.Builder writer(Path dir, int dim) {
        return CorpusIndexWriter.builder(dir).optDim(dim).optModel(MODEL, FINGERPRINT);
    }

    /** Writes {@code n} videos "v0".."v(n-1)" with 1 + (i % 7) clips each and returns nothing: reopen to read. */
    static void write(Path dir, int n, int dim, long seed) {
        Random rnd = new Random(seed);
        try (CorpusIndexWriter w = writer(dir, dim).build()) {
            for (int i = 0; i < n; i++) {
                w.add(video(rnd, "v" + i, 1 + i % 7, dim, false));
            }
            w.commit();
        }
    }
}
