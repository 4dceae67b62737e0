package org.momentgraph.eval.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JVM and process memory for benchmark rows: peak heap since the last {@link #resetPeaks()} (sum of
 * the heap pools' peaks, an upper bound since pools peak at different moments), and the process's
 * resident set now and at its high-water mark (Linux {@code /proc/self/status}; -1 elsewhere).
 */
final class MemoryProbe {

    private MemoryProbe() {
    }

    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Peak resident set size of the process (VmHWM), in bytes; -1 when not on Linux. */
    static long peakRssBytes() {
        long kb = statusKilobytes("VmHWM:");
        return kb < 0 ? -1 : kb * 1024;
    }

    /** Current resident set size (VmRSS), in bytes; -1 when not on Linux. */
    static long rssBytes() {
        long kb = statusKilobytes("VmRSS:");
        return kb < 0 ? -1 : kb * 1024;
    }

    private static long statusKilobytes(String field) {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
