package org.momentgraph.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.momentgraph.eval.features.Npy;
import org.momentgraph.server.NewVideo;
import org.momentgraph.server.testing.Videos;

/** Every route answering well-formed requests. */
class ApiRoutesTest extends ApiTestBase {

    @BeforeEach
    void corpus() throws Exception {
        assertThat(post("/v1/videos", addRequest(Videos.video("kitchen", 10.0, "person", "cup", "table"))).statusCode())
                .isEqualTo(201);
        assertThat(post("/v1/videos", addRequest(Videos.video("park", 6.0, "dog", "person"))).statusCode())
                .isEqualTo(201);
    }

    @Test
    void healthAndInfo() throws Exception {
        assertThat(json(get("/v1/health")).get("status").asText()).isEqualTo("ok");
        JsonNode info = json(get("/v1/info"));
        assertThat(info.get("model").asText()).isEqualTo("fake-word-overlap");
        assertThat(info.get("corpus_size").asInt()).isEqualTo(2);
        assertThat(info.get("version").asText()).isEqualTo("test");
    }

    @Test
    void searchReturnsRankedMomentsWithExplanations() throws Exception {
        var response = post("/v1/search", Map.of("query", "a person holds a cup", "k", 3));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
        JsonNode results = json(response).get("results");
        assertThat(results).hasSize(3);
        JsonNode top = results.get(0);
        assertThat(top.get("video").asText()).isEqualTo("kitchen");
        assertThat(top.get("end").asDouble()).isGreaterThan(top.get("start").asDouble());
        assertThat(top.get("vr_score").asDouble()).isPositive();
        assertThat(top.get("score").asDouble()).isGreaterThanOrEqualTo(results.get(1).get("score").asDouble());
        JsonNode matches = top.get("explanation").get("matches");
        assertThat(matches).isNotEmpty();
        assertThat(matches.get(0).has("query_node")).isTrue();
        assertThat(matches.get(0).has("video_node")).isTrue();
        assertThat(matches.get(0).has("relation")).isTrue();
        // k defaults to 10
        assertThat(json(post("/v1/search", Map.of("query", "person"))).get("results").size()).isBetween(4, 10);
    }

    @Test
    void momentsOfOneVideo() throws Exception {
        JsonNode results = json(post("/v1/videos/park/moments", Map.of("query", "person", "k", 100))).get("results");
        assertThat(results).isNotEmpty();
        results.forEach(r -> assertThat(r.get("video").asText()).isEqualTo("park"));
        assertThat(results.get(0).get("start").asDouble()).isBetween(0.0, 6.0);
    }

    @Test
    void addListAndDeleteVideos() throws Exception {
        NewVideo v = Videos.video("street", 4.0, "car");
        var added = post("/v1/videos", addRequest(v));
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.getHeader("Location")).isEqualTo("/v1/videos/street");
        JsonNode info = json(added);
        assertThat(info.get("clips").asInt()).isEqualTo(2);
        assertThat(info.get("feature_dim").asInt()).isEqualTo(4);
        assertThat(info.get("frames").asInt()).isEqualTo(2);
        assertThat(service.store().features("street")).isDeepEqualTo(v.features());

        JsonNode page = json(get("/v1/videos?offset=1&limit=1"));
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("videos")).extracting(n -> n.get("id").asText()).containsExactly("park");
        assertThat(json(get("/v1/videos")).get("videos")).hasSize(3);

        assertThat(delete("/v1/videos/street").statusCode()).isEqualTo(204);
        assertThat(delete("/v1/videos/street").statusCode()).isEqualTo(404);
        assertThat(json(get("/v1/videos")).get("total").asInt()).isEqualTo(2);
    }

    @Test
    void addVideoWithFeaturesFromTheDataRoot() throws Exception {
        NewVideo v = Videos.video("lab", 5.0, "cup");
        Files.createDirectories(dataRoot.resolve("features"));
        Npy.write(dataRoot.resolve("features/lab.npy"), v.features());
        Map<String, Object> body = new HashMap<>(addRequest(v));
        body.remove("features");
        body.put("features_path", "features/lab.npy");
        assertThat(post("/v1/videos", body).statusCode()).isEqualTo(201);
        assertThat(service.store().features("lab")).isDeepEqualTo(v.features());
    }

    @Test
    void videoGraphInEveryFormat() throws Exception {
        var json = get("/v1/videos/kitchen/graph");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode graph = json(json);
        assertThat(graph.get("nodes")).extracting(n -> n.get("id").asText()).containsExactly("person", "cup", "table");
        assertThat(graph.get("links")).isNotEmpty();

        var graphml = get("/v1/videos/kitchen/graph?format=graphml");
        assertThat(graphml.getHeader("Content-Type")).startsWith("application/graphml+xml");
        assertThat(graphml.bodyAsString()).contains("<graphml").contains("<node id=\"cup\"");

        var dot = get("/v1/videos/kitchen/graph?format=dot");
        assertThat(dot.getHeader("Content-Type")).startsWith("text/vnd.graphviz");
        assertThat(dot.bodyAsString()).startsWith("digraph").contains("\"person\" -> \"cup\"");
    }

    @Test
    void queryGraphAloneAndGroundedInAVideo() throws Exception {
        JsonNode alone = json(post("/v1/graph/query", Map.of("query", "person holds cup")));
        assertThat(alone.get("nodes")).hasSize(3);
        JsonNode grounded = json(post("/v1/graph/query", Map.of("query", "person holds cup", "video", "kitchen")));
        assertThat(grounded.get("nodes")).extracting(n -> n.get("kind").asText()).contains("query", "object");
        assertThat(grounded.get("links")).extracting(n -> n.get("relation").asText()).contains("grounds");
        var dot = post("/v1/graph/query", Map.of("query", "person", "format", "dot"));
        assertThat(dot.bodyAsString()).startsWith("digraph");
    }

    @Test
    void openApiDocumentViewerPageAndAssets() {
        var openApi = get("/openapi.yaml");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.bodyAsString()).startsWith("openapi: 3");
        var page = get("/");
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        assertThat(page.bodyAsString()).contains("/assets/cytoscape.min.js").contains("id=\"query\"");
        var cytoscape = get("/assets/cytoscape.min.js");
        assertThat(cytoscape.statusCode()).isEqualTo(200);
        assertThat(cytoscape.body().length()).isGreaterThan(100_000);
        assertThat(get("/assets/viewer.js").bodyAsString()).contains("/v1/search");
        for (String path : List.of("/assets/nope.js", "/assets/index.html")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
    }
}
