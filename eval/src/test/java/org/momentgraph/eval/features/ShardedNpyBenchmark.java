package org.momentgraph.eval.features;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Throughput of NpyStreamWriter / ShardedNpyFeatures (a benchmark main, not a test; asserts nothing).
 * Args: videos clips dim [folder]. Example, from eval/ after test-compile:
 * {@code java -cp target/classes:target/test-classes:$CP org.momentgraph.eval.features.ShardedNpyBenchmark 10000 40 256}
 */
public final class ShardedNpyBenchmark {

    private ShardedNpyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int videos = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int clips = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int dim = args.length > 2 ? Integer.parseInt(args[2]) : 256;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("sharded-npy-bench");
        Path npy = dir.resolve("corpus.npy");
        Random random = new Random(1);
        float[] flat = new float[clips * dim];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) random.nextGaussian();
        }
        double mb = (double) videos * clips * dim * 4 / (1 << 20);

        long t0 = System.nanoTime();
        try (NpyStreamWriter out = NpyStreamWriter.create(npy, dim)) {
            for (int v = 0; v < videos; v++) {
                flat[v % flat.length] = v; // vary the data a little
                out.append("video_" + v, flat, clips, clips * 2.0, 2.0);
            }
        }
        double write = seconds(t0);
        System.out.printf("write  %d videos x %d clips x %d dim = %.0f MiB in %.2f s: %.0f MiB/s, %.0f videos/s%n",
                videos, clips, dim, mb, write, mb / write, videos / write);

        for (int round = 0; round < 2; round++) {
            long t1 = System.nanoTime();
            try (ShardedNpyFeatures features = ShardedNpyFeatures.open(npy)) {
                double open = seconds(t1);
                List<String> ids = List.copyOf(features.videoIds());
                int reads = Math.min(videos, 20_000);
                long t2 = System.nanoTime();
                double checksum = 0;
                for (int i = 0; i < reads; i++) {
                    float[][] m = features.clips(ids.get(random.nextInt(ids.size())));
                    checksum += m[m.length - 1][dim - 1];
                }
                double read = seconds(t2);
                double readMb = (double) reads * clips * dim * 4 / (1 << 20);
                System.out.printf("open   %.1f ms (round %d); random reads: %d videos in %.2f s = %.0f videos/s, %.0f MiB/s (checksum %.1f)%n",
                        open * 1000, round, reads, read, reads / read, readMb / read, checksum);
            }
        }
        Files.delete(npy);
        Files.delete(FeatureIndex.pathFor(npy));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
