package org.momentgraph.eval.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.momentgraph.domain.DataFormatException;

/** Feature matrices held in a map; checks at construction that every matrix is rectangular with one dim. */
public final class InMemoryFeatures implements KeyedFeatures {

    private final String source;
    private final Map<String, float[][]> byKey;
    private final int dim;

    /**
     * @param source the file the matrices came from, named in errors ("memory" when none)
     * @throws DataFormatException naming the source and key of a ragged matrix or one of another dim
     */
    public InMemoryFeatures(String source, Map<String, float[][]> byKey) {
        this.source = source;
        this.byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
        int found = -1;
        String firstKey = null;
        for (Map.Entry<String, float[][]> entry : this.byKey.entrySet()) {
            float[][] matrix = entry.getValue();
            if (matrix == null) {
                throw new DataFormatException(source, entry.getKey(), null, "no matrix");
            }
            for (int r = 0; r < matrix.length; r++) {
                int cols = matrix[r].length;
                if (found < 0) {
                    found = cols;
                    firstKey = entry.getKey();
                } else if (cols != found) {
                    throw new DataFormatException(source, entry.getKey(), "shape", "row " + r + " has dim " + cols
                            + " but '" + firstKey + "' has dim " + found + "; every matrix needs the same dim");
                }
            }
        }
        this.dim = Math.max(found, 0);
    }

    @Override
    public float[][] get(String key) {
        float[][] matrix = byKey.get(key);
        if (matrix == null) {
            throw new DataFormatException(source, key, null, "no features for '" + key + "' (" + byKey.size() + " keys present)");
        }
        return matrix;
    }

    @Override
    public Set<String> keys() {
        return byKey.keySet();
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public String source() {
        return source;
    }
}
