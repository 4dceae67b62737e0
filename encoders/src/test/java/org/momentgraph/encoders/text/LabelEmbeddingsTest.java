package org.momentgraph.encoders.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabelEmbeddingsTest {

    private static MiniLmTextEncoder encoder;

    @BeforeAll
    static void load() {
        encoder = MiniLmTextEncoder.builder().build();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void similarObjectsAreCloserThanUnrelatedOnes() {
        Function<String, float[]> labels = new LabelEmbeddings(encoder);
        float[] cup = labels.apply("cup");
        assertThat(Vectors.cosine(cup, labels.apply("mug"))).isGreaterThan(Vectors.cosine(cup, labels.apply("couch")));
        assertThat(Vectors.cosine(labels.apply("couch"), labels.apply("sofa")))
                .isGreaterThan(Vectors.cosine(labels.apply("couch"), labels.apply("Sheldon")));
    }

    @Test
    void spellingVariantsShareOneCachedVector() {
        LabelEmbeddings labels = new LabelEmbeddings(encoder);
        float[] a = labels.apply("dining_table");
        assertThat(labels.apply("Dining  table")).containsExactly(a);
        assertThat(labels.apply("dining-table")).containsExactly(a);
        assertThat(labels.size()).isEqualTo(1);
        a[0] += 1; // callers get copies
        assertThat(labels.apply("dining table")[0]).isNotEqualTo(a[0]);
        assertThatThrownBy(() -> labels.apply(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void batchedLookupAgreesWithLaterSingleLookups() {
        LabelEmbeddings labels = new LabelEmbeddings(encoder);
        Map<String, float[]> all = labels.applyAll(List.of("cup", "Sheldon", "laptop", "cup"));
        assertThat(all).containsOnlyKeys("cup", "Sheldon", "laptop");
        assertThat(labels.size()).isEqualTo(3);
        for (Map.Entry<String, float[]> e : all.entrySet()) {
            assertThat(labels.apply(e.getKey())).containsExactly(e.getValue());
            assertThat(Vectors.norm(e.getValue())).isBetween(0.9999, 1.0001);
        }
    }
}
