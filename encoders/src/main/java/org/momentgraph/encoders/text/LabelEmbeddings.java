package org.momentgraph.encoders.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sentence embeddings of short labels (detector classes such as "dining_table", characters such as
 * "Sheldon"), cached for the life of the instance. It is a {@code Function<String, float[]>} so graph
 * code can take it without depending on this module.
 *
 * <p>Labels are normalised before encoding: underscores and hyphens become spaces and runs of
 * whitespace collapse, and case is dropped (the tokenizer lower-cases anyway), so "dining_table" and
 * "Dining table" share one cached vector. Thread-safe.
 */
public final class LabelEmbeddings implements Function<String, float[]> {

    private final MiniLmTextEncoder encoder;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public LabelEmbeddings(MiniLmTextEncoder encoder) {
        this.encoder = encoder;
    }

    /** The unit-length embedding of {@code label} (a copy; cached). */
    @Override
    public float[] apply(String label) {
        String key = normalize(label);
        return cache.computeIfAbsent(key, encoder::embed).clone();
    }

    /** Embeddings of many labels, computing the uncached ones in one batched call. */
    public Map<String, float[]> applyAll(Collection<String> labels) {
        List<String> missing = new ArrayList<>();
        for (String label : labels) {
            String key = normalize(label);
            if (!cache.containsKey(key) && !missing.contains(key)) {
                missing.add(key);
            }
        }
        float[][] vectors = encoder.embedAll(missing);
        for (int i = 0; i < missing.size(); i++) {
            cache.putIfAbsent(missing.get(i), vectors[i]);
        }
        Map<String, float[]> result = new LinkedHashMap<>();
        for (String label : labels) {
            result.put(label, apply(label));
        }
        return result;
    }

    /** Labels embedded so far. */
    public int size() {
        return cache.size();
    }

    /** The text actually encoded for {@code label}. */
    public static String normalize(String label) {
        if (label == null) {
            throw new IllegalArgumentException("label is null");
        }
        return label.replace('_', ' ').replace('-', ' ').trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
