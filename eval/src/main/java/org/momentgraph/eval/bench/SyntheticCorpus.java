package org.momentgraph.eval.bench;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.CorpusIndexWriter;
import org.momentgraph.encoders.index.VideoEncoding;

/**
 * A reproducible corpus index of random videos for benchmarks: video i gets its own seeded
 * generator, random unit video and clip vectors, and 30..50 clips of 2 s (about 40 on average).
 * Videos stream to disk one at a time, so building needs little memory at any size.
 */
public final class SyntheticCorpus {

    private SyntheticCorpus() {
    }

    /** The model fingerprint recorded for a synthetic index; it encodes every generation parameter. */
    public static String fingerprint(int videos, int dim, long seed) {
        return "synthetic-v1-n" + videos + "-d" + dim + "-s" + seed;
    }

    /**
     * Opens the index at {@code dir} if it already holds exactly this synthetic corpus, otherwise
     * builds it there first. Returns the seconds spent building (0 when reused).
     */
    public static double ensure(Path dir, int videos, int dim, long seed) {
        String fp = fingerprint(videos, dim, seed);
        try (CorpusIndex existing = CorpusIndex.opener(dir).optExpectedModel(fp).optVerifyChecksums(false).open()) {
            if (existing.size() == videos) {
                return 0;
            }
        } catch (DataFormatException e) {
            // absent or built with other parameters: rebuild below
        }
        deleteIndex(dir);
        long t0 = System.nanoTime();
        try (CorpusIndexWriter w = CorpusIndexWriter.builder(dir).optDim(dim).optModel("synthetic", fp).build()) {
            for (int i = 0; i < videos; i++) {
                w.add(video(i, dim, seed));
            }
            w.commit();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static VideoEncoding video(int i, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
        int clips = 30 + rnd.nextInt(21);
        float[][] clipVectors = new float[clips][];
        for (int c = 0; c < clips; c++) {
            clipVectors[c] = unitVector(rnd, dim);
        }
        return new VideoEncoding(new Video("video_" + i, clips * 2.0, 2.0), unitVector(rnd, dim), clipVectors);
    }

    /** Uniform in the cube, then normalised: cheap, and direction-wise close enough to uniform for timing. */
    static float[] unitVector(SplittableRandom rnd, int dim) {
        float[] v = new float[dim];
        double n = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) (rnd.nextDouble() - 0.5);
            n += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(n));
        for (int i = 0; i < dim; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /** Deletes an old index folder; refuses a folder that holds anything but an index. */
    private static void deleteIndex(Path dir) {
        try (var listing = java.nio.file.Files.list(dir)) {
            if (!java.nio.file.Files.exists(dir.resolve("manifest.json")) && listing.findAny().isPresent()) {
                throw new IllegalStateException(dir + " is not empty and holds no corpus index; choose another folder");
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        try (var files = java.nio.file.Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing to delete
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot clear " + dir + ": " + e.getMessage(), e);
        }
    }
}
