package org.momentgraph.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.momentgraph.eval.features.Npy;
import org.momentgraph.server.testing.Videos;

/** Every kind of bad request gets a JSON error with the right status and field, never a 500. */
class ApiErrorsTest extends ApiTestBase {

    @BeforeEach
    void corpus() throws Exception {
        assertThat(post("/v1/videos", addRequest(Videos.video("kitchen", 10.0, "person", "cup"))).statusCode())
                .isEqualTo(201);
    }

    @Test
    void malformedOrNonObjectBodies() throws Exception {
        assertError(postRaw("/v1/search", "application/json", "{\"query\": "), 400, null, "malformed JSON");
        assertError(postRaw("/v1/search", "application/json", "[\"person\"]"), 400, null, "JSON object");
        assertError(postRaw("/v1/search", "application/json", ""), 400, null, "JSON object");
        assertError(postRaw("/v1/videos", "application/json", "{\"id\": 1,,}"), 400, null, "malformed JSON");
    }

    @Test
    void badQueries() throws Exception {
        assertError(post("/v1/search", Map.of("k", 3)), 400, "query", "required");
        assertError(post("/v1/search", Map.of("query", 42)), 400, "query", "string");
        assertError(post("/v1/search", Map.of("query", "   ")), 400, "query", "empty");
        assertError(post("/v1/search", Map.of("query", "x".repeat(MAX_QUERY_CHARS + 1))), 400, "query",
                "longer than " + MAX_QUERY_CHARS);
        assertThat(post("/v1/search", Map.of("query", "x".repeat(MAX_QUERY_CHARS))).statusCode()).isEqualTo(200);
        assertError(post("/v1/graph/query", Map.of("query", "")), 400, "query", "empty");
        assertError(post("/v1/videos/kitchen/moments", Map.of("query", List.of("cup"))), 400, "query", "string");
    }

    @Test
    void kOutOfRangeOrWrongType() throws Exception {
        for (Object k : List.of(0, 101, -3, "5", 2.5, 10_000_000_000L, true)) {
            assertError(post("/v1/search", Map.of("query", "cup", "k", k)), 400, "k", "k must");
            assertError(post("/v1/videos/kitchen/moments", Map.of("query", "cup", "k", k)), 400, "k", "k must");
        }
        assertThat(post("/v1/search", Map.of("query", "cup", "k", 100)).statusCode()).isEqualTo(200);
        assertThat(post("/v1/search", Map.of("query", "cup", "k", 1)).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownVideos() throws Exception {
        assertError(post("/v1/videos/nope/moments", Map.of("query", "cup")), 404, "id", "unknown video 'nope'");
        assertError(delete("/v1/videos/nope"), 404, "id", "unknown video");
        assertError(get("/v1/videos/nope/graph"), 404, "id", "unknown video");
        assertError(post("/v1/graph/query", Map.of("query", "cup", "video", "nope")), 404, "id", "unknown video");
        assertError(post("/v1/videos/..%2Fetc/moments", Map.of("query", "cup")), 404, "id", "unknown video");
    }

    @Test
    void badAddVideoRequests() throws Exception {
        Map<String, Object> good = addRequest(Videos.video("new", 4.0, "cup"));
        assertError(post("/v1/videos", without(good, "duration")), 400, "duration", "required");
        assertError(post("/v1/videos", with(good, "clip_length", "2")), 400, "clip_length", "number");
        assertError(post("/v1/videos", with(good, "duration", -1)), 400, "duration", "> 0");
        assertError(post("/v1/videos", with(good, "id", "../evil")), 400, "id", "must match");
        assertError(post("/v1/videos", with(good, "features", List.of(List.of(1, 2)))), 400, "features", "expected 2 rows");
        assertError(post("/v1/videos", with(good, "features", List.of(List.of(1, 2), List.of(1)))), 400, "features[1]",
                "like row 0");
        assertError(post("/v1/videos", with(good, "features", List.of(List.of(1, "a"), List.of(1, 2)))), 400,
                "features[0][1]", "number");
        assertError(post("/v1/videos", without(good, "features")), 400, "features", "exactly one");
        assertError(post("/v1/videos", with(good, "features_path", "f.npy")), 400, "features", "exactly one");
        assertError(post("/v1/videos", with(good, "detections", Map.of("t", 1))), 400, "detections", "array");
        List<Object> badBox = List.of(Map.of("t", 1.0, "objects", List.of(Map.of("label", "cup", "score", 0.5,
                "box", List.of(10, 10, 5, 20)))));
        assertError(post("/v1/videos", with(good, "detections", badBox)), 400, "detections[0].objects[0].box", "x1 <= x2");
        List<Object> late = List.of(Map.of("t", 99.0, "objects", List.of()));
        assertError(post("/v1/videos", with(good, "detections", late)), 400, "detections[0].t", "[0, duration]");
        assertThat(post("/v1/videos", good).statusCode()).isEqualTo(201);
        assertError(post("/v1/videos", good), 409, "id", "already exists");
        assertThat(service.store().size()).isEqualTo(2);
    }

    @Test
    void serverSidePathsStayUnderTheDataRoot() throws Exception {
        Map<String, Object> good = without(addRequest(Videos.video("new", 4.0, "cup")), "features");
        float[][] features = Videos.video("new", 4.0, "cup").features();
        Npy.write(tmp.resolve("outside.npy"), features);
        Files.createSymbolicLink(dataRoot.resolve("link.npy"), tmp.resolve("outside.npy"));
        Files.writeString(dataRoot.resolve("bad.npy"), "not numpy");
        assertError(post("/v1/videos", with(good, "features_path", "../outside.npy")), 400, "features_path", "..");
        assertError(post("/v1/videos", with(good, "features_path", tmp.resolve("outside.npy").toString())), 400,
                "features_path", "absolute");
        assertError(post("/v1/videos", with(good, "features_path", "link.npy")), 403, "features_path", "outside");
        assertError(post("/v1/videos", with(good, "features_path", "missing.npy")), 400, "features_path", "no such file");
        HttpResponse<Buffer> bad = post("/v1/videos", with(good, "features_path", "bad.npy"));
        assertError(bad, 400, "features_path", "bad.npy");
        assertThat(bad.bodyAsString()).doesNotContain(dataRoot.toString());
        assertThat(service.store().size()).isEqualTo(1);
    }

    @Test
    void badListAndGraphParameters() throws Exception {
        assertError(get("/v1/videos?offset=x"), 400, "offset", "integer");
        assertError(get("/v1/videos?offset=-1"), 400, "offset", "0..");
        assertError(get("/v1/videos?limit=0"), 400, "limit", "1..1000");
        assertError(get("/v1/videos?limit=1001"), 400, "limit", "1..1000");
        assertError(get("/v1/videos/kitchen/graph?format=png"), 400, "format", "json");
        assertError(post("/v1/graph/query", Map.of("query", "cup", "format", "svg")), 400, "format", "json");
        assertError(post("/v1/graph/query", Map.of("query", "cup", "video", 7)), 400, "video", "string");
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        String huge = "{\"query\": \"" + "a".repeat((int) BODY_LIMIT) + "\"}";
        assertError(postRaw("/v1/search", "application/json", huge), 413, null, "limit");
        assertThat(get("/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        assertError(postRaw("/v1/search", "text/plain", "{\"query\": \"cup\"}"), 415, null, "application/json");
        assertError(postRaw("/v1/search", null, "{\"query\": \"cup\"}"), 415, null, "none");
        assertError(postRaw("/v1/videos", "application/x-www-form-urlencoded", "id=a"), 415, null, "Content-Type");
        assertThat(postRaw("/v1/search", "application/json; charset=UTF-8", "{\"query\": \"cup\"}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownRoutesAndMethods() throws Exception {
        assertError(get("/v2/search"), 404, null, "no such route");
        assertError(client.request(HttpMethod.PUT, "/v1/search").send().await(), 405, null, "not allowed");
    }

    @Test
    void unexpectedEngineFailuresBecomeA500WithoutDetailsAndTheServerGoesOn() throws Exception {
        service.failNextCall(new IllegalStateException("secret internal detail"));
        HttpResponse<Buffer> failed = post("/v1/search", Map.of("query", "cup"));
        assertError(failed, 500, null, "internal server error");
        assertThat(failed.bodyAsString()).doesNotContain("secret").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(post("/v1/search", Map.of("query", "cup")).statusCode()).isEqualTo(200);
        service.failNextCall(new NullPointerException());
        assertError(get("/v1/info"), 500, null, "internal server error");
        assertThat(get("/v1/info").statusCode()).isEqualTo(200);
    }

    @Test
    void corsAllowsLocalhostOriginsOnly() {
        var local = client.get("/v1/health").putHeader("Origin", "http://localhost:3000").send().await();
        assertThat(local.statusCode()).isEqualTo(200);
        assertThat(local.getHeader("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        var preflight = client.request(HttpMethod.OPTIONS, "/v1/search").putHeader("Origin", "http://127.0.0.1:5173")
                .putHeader("Access-Control-Request-Method", "POST")
                .putHeader("Access-Control-Request-Headers", "content-type").send().await();
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.getHeader("Access-Control-Allow-Methods")).contains("POST");
        var foreign = client.get("/v1/health").putHeader("Origin", "http://evil.example.com").send().await();
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(foreign.getHeader("Content-Type")).startsWith("application/json");
    }

    static void assertError(HttpResponse<Buffer> response, int status, String field, String messagePart) throws Exception {
        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).contains(messagePart);
        assertThat(body.has("field")).isTrue();
        assertThat(body.get("field").isNull() ? null : body.get("field").asText()).isEqualTo(field);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> out = new HashMap<>(body);
        out.put(key, value);
        return out;
    }

    private static Map<String, Object> without(Map<String, Object> body, String key) {
        Map<String, Object> out = new HashMap<>(body);
        out.remove(key);
        return out;
    }
}
