package org.momentgraph.encoders.text;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.SharedData;

/**
 * Measures MiniLM query latency and batched throughput on real Charades-STA queries (report only;
 * never asserted). Run: {@code java -cp <test classpath> org.momentgraph.encoders.text.MiniLmThroughputBenchmark [n]}.
 */
public final class MiniLmThroughputBenchmark {

    private MiniLmThroughputBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.file("charades_sta/charades_sta_test.txt"))) {
            int cut = line.indexOf("##");
            if (cut > 0 && texts.size() < n) {
                texts.add(line.substring(cut + 2).trim());
            }
        }
        for (int batch : new int[] {1, 8, 32, 64}) {
            try (MiniLmTextEncoder encoder = MiniLmTextEncoder.builder().optCacheSize(0).optBatchSize(batch).build()) {
                encoder.embedAll(texts.subList(0, Math.min(64, texts.size()))); // warm-up
                long t0 = System.nanoTime();
                encoder.embedAll(texts);
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("batch %2d: %d sentences in %.2f s = %.1f sentences/s%n", batch, texts.size(), s, texts.size() / s);
                if (batch == 1) {
                    long[] lat = new long[Math.min(200, texts.size())];
                    for (int i = 0; i < lat.length; i++) {
                        long a = System.nanoTime();
                        encoder.embed(texts.get(i));
                        lat[i] = System.nanoTime() - a;
                    }
                    java.util.Arrays.sort(lat);
                    System.out.printf("single query latency: median %.2f ms, p95 %.2f ms%n",
                            lat[lat.length / 2] / 1e6, lat[(int) (lat.length * 0.95)] / 1e6);
                }
            }
        }
    }
}
