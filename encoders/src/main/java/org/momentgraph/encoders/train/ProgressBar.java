package org.momentgraph.encoders.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The training progress line: epoch, step/total, a bar, the loss terms (running means), queries/s
 * and ETA. On a terminal one line is redrawn in place; otherwise (logs, CI, tests) a plain line is
 * printed about ten times per epoch so a log stays short.
 */
public final class ProgressBar {

    private static final int WIDTH = 20;

    private final PrintStream out;
    private final boolean terminal;
    private int epoch;
    private int epochs;
    private int total;
    private long started;
    private int lastPrinted = -1;

    public ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** A bar on {@code out} that redraws only when the JVM has a console. */
    public static ProgressBar auto(PrintStream out) {
        return new ProgressBar(out, System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM")));
    }

    public void startEpoch(int epoch, int epochs, int totalSteps) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.total = totalSteps;
        this.started = System.nanoTime();
        this.lastPrinted = -1;
    }

    /** After step {@code step} (1-based) with running mean losses and queries seen this epoch. */
    public void step(int step, Map<String, Double> losses, long queries) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double qps = queries / Math.max(seconds, 1e-9);
        double eta = step == 0 ? 0 : seconds / step * Math.max(0, total - step);
        String line = line(step, losses, qps, eta);
        if (terminal) {
            out.print("\r" + line + "\u001b[K");
            out.flush();
        } else {
            int tenth = Math.max(1, total / 10);
            if (step == total || step / tenth != lastPrinted / tenth || lastPrinted < 0) {
                out.println(line);
                lastPrinted = step;
            }
        }
    }

    /** Ends the epoch's line and prints a summary line. */
    public void endEpoch(String summary) {
        if (terminal) {
            out.println();
        }
        out.println(summary);
        out.flush();
    }

    public void message(String text) {
        if (terminal) {
            out.print("\r\u001b[K");
        }
        out.println(text);
        out.flush();
    }

    String line(int step, Map<String, Double> losses, double qps, double eta) {
        // an epoch can have a step more or less than the first epoch counted (video-distinct batches vary)
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, Math.round((double) WIDTH * step / total));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "epoch %d/%d [", epoch, epochs));
        sb.append("=".repeat(filled)).append(" ".repeat(WIDTH - filled)).append(']');
        sb.append(String.format(Locale.ROOT, " %d/%d", step, total));
        losses.forEach((name, value) -> sb.append(String.format(Locale.ROOT, " %s %.4f", name, value)));
        sb.append(String.format(Locale.ROOT, " | %.1f q/s ETA %s", qps, duration(eta)));
        return sb.toString();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
