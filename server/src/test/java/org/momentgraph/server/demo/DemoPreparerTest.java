package org.momentgraph.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.momentgraph.encoders.modeldir.Checksums;
import org.momentgraph.server.MomentGraph;
import org.momentgraph.server.SearchHit;
import org.momentgraph.server.testing.TinyDemo;

/** The demo's prepare path on a tiny corpus: generate, train, index; a second run reuses the cache. */
class DemoPreparerTest {

    @Test
    void preparesCorpusModelAndIndexThenServesQueries() {
        DemoPreparer.Prepared p = TinyDemo.prepared();
        assertThat(p.videos()).isEqualTo(TinyDemo.CONFIG.videos());
        assertThat(p.reusedModel()).isFalse();
        assertThat(p.modelDir().resolve(Checksums.FILE)).isRegularFile();
        assertThat(p.corpusDir().resolve("store").resolve("index").resolve("manifest.json")).isRegularFile();
        assertThat(TinyDemo.log()).contains("demo: generating videos 20/20").contains("corpus: encoding videos 20/20");
        try (MomentGraph mg = MomentGraph.open(p.modelDir(), p.corpusDir(), 1, new PrintStream(new ByteArrayOutputStream()))) {
            assertThat(mg.info().corpusSize()).isEqualTo(20);
            assertThat(mg.search("a person picks up the cup", 3)).hasSize(3).allSatisfy(h -> assertThat(h.score()).isPositive());
        }
    }

    @Test
    void secondRunReusesTheVerifiedModel() throws Exception {
        DemoPreparer.Prepared first = TinyDemo.prepared();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DemoPreparer.Prepared again = DemoPreparer.prepare(TinyDemo.home(), TinyDemo.CONFIG,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(again.reusedModel()).isTrue();
        assertThat(again.modelDir()).isEqualTo(first.modelDir());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("reusing the generated corpus")
                .contains("checksums verified").doesNotContain("training on");

        // another setting is another cache key: nothing of the first run is taken for it
        assertThat(TinyDemo.CONFIG.withEpochs(2).key()).isNotEqualTo(TinyDemo.CONFIG.key());
        // the stamp records the hash of the model's checksum list, which the reuse check compares
        var stamp = TinyDemo.home().resolve("demo").resolve(TinyDemo.CONFIG.key()).resolve(DemoPreparer.STAMP);
        String original = Files.readString(stamp);
        assertThat(original).contains(Checksums.sha256(first.modelDir().resolve(Checksums.FILE)));
    }

    @Test
    void explanationsNameQueryAndVideoNodes() {
        DemoPreparer.Prepared p = TinyDemo.prepared();
        try (MomentGraph mg = MomentGraph.open(p.modelDir(), p.corpusDir(), 1, new PrintStream(new ByteArrayOutputStream()))) {
            SearchHit hit = mg.search("a person holds the cup", 10).stream()
                    .filter(h -> !h.explanation().matches().isEmpty()).findFirst().orElseThrow();
            assertThat(hit.explanation().matches()).allSatisfy(m -> {
                assertThat(m.queryNode()).matches("q\\d+:.+");
                assertThat(m.videoNode()).matches("t\\d+_c\\d+");
            });
        }
    }
}
