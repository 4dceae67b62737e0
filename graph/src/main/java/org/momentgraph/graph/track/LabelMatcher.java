package org.momentgraph.graph.track;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides how well two detector labels agree: the same class (after normalisation), a confusable
 * class (extra cost), or unrelated (only a strong geometric match may link them).
 */
public final class LabelMatcher {

    /** Returned by {@link #penalty} for labels that only geometry may link. */
    public static final double UNRELATED = Double.POSITIVE_INFINITY;

    private final boolean normalize;
    private final double confusablePenalty;
    private final Map<String, Integer> groupOf = new HashMap<>();
    private final Map<String, String> keys = new HashMap<>();

    public LabelMatcher(TrackerConfig config) {
        this.normalize = config.normalizeLabels();
        this.confusablePenalty = config.confusablePenalty();
        int g = 0;
        for (Set<String> group : config.confusableLabels()) {
            for (String label : group) {
                groupOf.put(key(label), g);
            }
            g++;
        }
    }

    /** The form labels are compared in: lower case, trimmed, a plural "s" dropped when normalising. */
    public String key(String label) {
        if (!normalize) {
            return label;
        }
        return keys.computeIfAbsent(label, l -> {
            String k = l.trim().toLowerCase(Locale.ROOT);
            if (k.length() > 3 && k.endsWith("s") && !k.endsWith("ss")) {
                k = k.substring(0, k.length() - 1);
            }
            return k;
        });
    }

    /** 0 for the same class, the confusable penalty for a confusable pair, {@link #UNRELATED} otherwise. */
    public double penalty(String a, String b) {
        String ka = key(a);
        String kb = key(b);
        if (ka.equals(kb)) {
            return 0;
        }
        Integer ga = groupOf.get(ka);
        return ga != null && ga.equals(groupOf.get(kb)) ? confusablePenalty : UNRELATED;
    }
}
