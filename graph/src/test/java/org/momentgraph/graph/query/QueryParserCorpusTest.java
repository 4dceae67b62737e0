package org.momentgraph.graph.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.SharedData;

/** Every real query parses; almost all yield an entity and a predicate. Reads the files directly. */
class QueryParserCorpusTest {

    private static QueryParser parser;

    @BeforeAll
    static void load() {
        parser = QueryParser.load();
    }

    static List<String> tvrQueries() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.file("tvr_tvqaplus/tvr_dev_queries.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode node = mapper.readTree(line);
                out.add(node.get("desc").asText());
            }
        }
        return out;
    }

    static List<String> charadesQueries() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.file("charades_sta/charades_sta_test.txt"))) {
            int cut = line.indexOf("##");
            if (cut >= 0) {
                out.add(line.substring(cut + 2));
            }
        }
        return out;
    }

    @Test
    void everyTvrQueryParses() throws IOException {
        check(tvrQueries(), 1015);
    }

    @Test
    void everyCharadesTestQueryParses() throws IOException {
        check(charadesQueries(), 3720);
    }

    private static void check(List<String> queries, int expected) {
        assertThat(queries).hasSize(expected);
        int withEntity = 0;
        int withPredicate = 0;
        int withTriple = 0;
        int withIsolatedPredicate = 0;
        long t0 = System.nanoTime();
        for (String q : queries) {
            QueryGraph g = parser.parse(q);
            withEntity += g.entities().isEmpty() ? 0 : 1;
            withPredicate += g.predicates().isEmpty() ? 0 : 1;
            withTriple += g.triples().isEmpty() ? 0 : 1;
            withIsolatedPredicate += g.predicates().stream().anyMatch(p -> g.graph().degreeOf(p) == 0) ? 1 : 0;
            g.graph().edgeSet().forEach(e -> assertThat(g.graph().getEdgeSource(e)).isNotEqualTo(g.graph().getEdgeTarget(e)));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d queries: entity %.1f%%, predicate %.1f%%, triple %.1f%%, isolated predicate %.1f%%;"
                + " %.0f queries/s%n", queries.size(), 100.0 * withEntity / queries.size(),
                100.0 * withPredicate / queries.size(), 100.0 * withTriple / queries.size(),
                100.0 * withIsolatedPredicate / queries.size(), queries.size() / seconds);
        assertThat((double) withIsolatedPredicate / queries.size()).isLessThanOrEqualTo(0.05);
        assertThat((double) withEntity / queries.size()).isGreaterThanOrEqualTo(0.99);
        assertThat((double) withPredicate / queries.size()).isGreaterThanOrEqualTo(0.97);
        assertThat((double) withTriple / queries.size()).isGreaterThanOrEqualTo(0.85);
    }
}
