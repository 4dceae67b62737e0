package org.momentgraph.eval.synthetic;

import java.util.Locale;

/**
 * How imperfect the simulated detector is.
 *
 * @param jitter          standard deviation of each box edge, as a fraction of the box's width or height
 * @param missRate        probability that a true object is not detected in a frame
 * @param falsePositives  mean number of spurious detections per frame (Poisson)
 * @param labelConfusion  probability that a detection carries a similar class's label (cup/mug, sofa/chair)
 */
public record NoiseConfig(double jitter, double missRate, double falsePositives, double labelConfusion) {

    public NoiseConfig {
        check("jitter", jitter, 1);
        check("miss", missRate, 1);
        check("fp", falsePositives, 20);
        check("confusion", labelConfusion, 1);
    }

    private static void check(String name, double v, double max) {
        if (!(v >= 0 && v <= max)) {
            throw new IllegalArgumentException("noise " + name + " must lie in [0, " + max + "], got " + v);
        }
    }

    /** A detector as good as the ones run on TV footage: a few percent jitter, misses and confusions. */
    public static NoiseConfig defaults() {
        return new NoiseConfig(0.03, 0.06, 0.15, 0.04);
    }

    /** Perfect detections: the true boxes, every frame, true labels. */
    public static NoiseConfig none() {
        return new NoiseConfig(0, 0, 0, 0);
    }

    /**
     * Parses "jitter=0.03,miss=0.06,fp=0.15,confusion=0.04" (any subset; the rest keep their defaults),
     * or "none" / "default".
     */
    public static NoiseConfig parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("none") || s.equals("0")) {
            return none();
        }
        NoiseConfig n = defaults();
        if (s.isEmpty() || s.equals("default")) {
            return n;
        }
        double jitter = n.jitter();
        double miss = n.missRate();
        double fp = n.falsePositives();
        double confusion = n.labelConfusion();
        for (String part : s.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("noise setting '" + part + "' is not key=value");
            }
            double v;
            try {
                v = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("noise setting '" + part + "' needs a number", e);
            }
            switch (kv[0].trim()) {
                case "jitter" -> jitter = v;
                case "miss" -> miss = v;
                case "fp" -> fp = v;
                case "confusion" -> confusion = v;
                default -> throw new IllegalArgumentException(
                        "unknown noise setting '" + kv[0] + "' (jitter, miss, fp, confusion)");
            }
        }
        return new NoiseConfig(jitter, miss, fp, confusion);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "jitter=%s,miss=%s,fp=%s,confusion=%s", jitter, missRate, falsePositives,
                labelConfusion);
    }
}
