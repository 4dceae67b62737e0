package org.momentgraph.eval.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DelegatingFeaturesTest {

    /** A store that records which calls reach it. */
    private static final class Recording implements KeyedFeatures {
        final List<String> calls = new ArrayList<>();
        final InMemoryFeatures inner;

        Recording(Map<String, float[][]> byKey) {
            inner = new InMemoryFeatures("recorded.npz", byKey);
        }

        @Override public float[][] get(String key) { calls.add("get " + key); return inner.get(key); }
        @Override public Set<String> keys() { calls.add("keys"); return inner.keys(); }
        @Override public int dim() { calls.add("dim"); return inner.dim(); }
        @Override public String source() { calls.add("source"); return inner.source(); }
        @Override public boolean contains(String key) { calls.add("contains " + key); return inner.contains(key); }
        @Override public void close() { calls.add("close"); }
    }

    @Test
    void clipAndTokenViewsForwardEveryCall() {
        Map<String, float[][]> byKey = new LinkedHashMap<>();
        byKey.put("90200", new float[][] {{1, 2, 3}, {4, 5, 6}});
        byKey.put("v1", new float[][] {{7, 8, 9}});

        Recording clipStore = new Recording(byKey);
        try (ClipFeatures clips = ClipFeatures.of(clipStore)) {
            assertThat(clips.clips("v1")).isDeepEqualTo(new float[][] {{7, 8, 9}});
            assertThat(clips.videoIds()).containsExactly("90200", "v1");
            assertThat(clips.dim()).isEqualTo(3);
            assertThat(clips.source()).isEqualTo("recorded.npz");
            assertThat(clips.contains("v2")).isFalse();
        }
        assertThat(clipStore.calls).containsExactly("get v1", "keys", "dim", "source", "contains v2", "close");

        Recording tokenStore = new Recording(byKey);
        try (QueryTokenFeatures tokens = QueryTokenFeatures.of(tokenStore)) {
            assertThat(tokens.tokens(90200L)).hasDimensions(2, 3);
            assertThat(tokens.descIds()).hasSize(2);
            assertThat(tokens.contains("90200")).isTrue();
        }
        assertThat(tokenStore.calls).containsExactly("get 90200", "keys", "contains 90200", "close");
    }
}
