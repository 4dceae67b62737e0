package org.momentgraph.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.server.MomentGraph;
import org.momentgraph.server.MomentGraphServer;
import org.momentgraph.server.NewVideo;
import org.momentgraph.server.ServerConfig;
import org.momentgraph.server.corpus.DetectionsJson;
import org.momentgraph.server.testing.GeneratedVideos;
import org.momentgraph.server.testing.TinyDemo;

/** The REST API end to end over the real engine (tiny trained model), with parallel clients. */
@ExtendWith(VertxExtension.class)
class RealEngineApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    MomentGraph engine;
    MomentGraphServer server;
    WebClient client;
    List<NewVideo> videos;

    @BeforeEach
    void start(Vertx vertx) {
        engine = MomentGraph.open(TinyDemo.prepared().modelDir(), tmp.resolve("corpus"), 2,
                new PrintStream(new ByteArrayOutputStream()));
        videos = GeneratedVideos.first(6, "api");
        videos.subList(0, 4).forEach(engine::addVideo);
        server = MomentGraphServer.start(vertx, engine, ServerConfig.defaults().withPort(0)).await();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port()),
                new io.vertx.core.http.PoolOptions().setHttp1MaxSize(16));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        engine.close();
    }

    private Future<HttpResponse<Buffer>> post(String path, Object body) throws Exception {
        return client.post(path).putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(JSON.writeValueAsString(body)));
    }

    private static JsonNode json(HttpResponse<Buffer> r) throws Exception {
        return JSON.readTree(r.bodyAsString());
    }

    @Test
    void searchLocalizeAddGraphAndInfoOverHttp() throws Exception {
        HttpResponse<Buffer> search = post("/v1/search", Map.of("query", "a person picks up the cup", "k", 5)).await();
        assertThat(search.statusCode()).isEqualTo(200);
        JsonNode results = json(search).get("results");
        assertThat(results).hasSize(5).allSatisfy(r -> {
            assertThat(r.get("video").asText()).startsWith("api");
            assertThat(r.get("end").asDouble()).isGreaterThan(r.get("start").asDouble());
            assertThat(r.get("explanation").get("matches").isArray()).isTrue();
        });

        HttpResponse<Buffer> moments = post("/v1/videos/api1/moments", Map.of("query", "someone holds a cup", "k", 2)).await();
        assertThat(json(moments).get("results")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("video").asText()).isEqualTo("api1"));
        assertThat(post("/v1/videos/nope/moments", Map.of("query", "a cup")).await().statusCode()).isEqualTo(404);

        NewVideo v = videos.get(4);
        List<Object> detections = v.detections().stream()
                .map(f -> JSON.convertValue(DetectionsJson.write(f), Object.class)).toList();
        HttpResponse<Buffer> added = post("/v1/videos", Map.of("id", v.id(), "duration", v.duration(),
                "clip_length", v.clipLength(), "features", v.features(), "detections", detections)).await();
        assertThat(added.statusCode()).isEqualTo(201);
        HttpResponse<Buffer> local = post("/v1/videos/" + v.id() + "/moments", Map.of("query", "a person", "k", 1)).await();
        assertThat(json(local).get("results")).hasSize(1);

        JsonNode graph = json(client.get("/v1/videos/api0/graph?format=json").send().await());
        assertThat(graph.get("links")).allSatisfy(l -> assertThat(l.has("relation")).isTrue());
        HttpResponse<Buffer> matched = post("/v1/graph/query", Map.of("query", "a person holds a cup", "video", "api0")).await();
        assertThat(matched.statusCode()).isEqualTo(200);
        assertThat(matched.bodyAsString()).contains("\"match\"");

        JsonNode info = json(client.get("/v1/info").send().await());
        assertThat(info.get("corpus_size").asInt()).isEqualTo(5);
        assertThat(info.get("model").asText()).contains("synthetic");
        assertThat(client.delete("/v1/videos/api0").send().await().statusCode()).isEqualTo(204);
        assertThat(json(client.get("/v1/videos").send().await()).get("total").asInt()).isEqualTo(4);
    }

    @Test
    void sixteenParallelClientsWithAddsAreAllAnswered() throws Exception {
        List<Future<HttpResponse<Buffer>>> searches = new ArrayList<>();
        List<Future<HttpResponse<Buffer>>> adds = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            searches.add(post("/v1/search", Map.of("query", i % 2 == 0 ? "a person opens the door" : "a dog", "k", 3)));
            if (i == 3 || i == 9) {
                NewVideo v = videos.get(i == 3 ? 4 : 5);
                adds.add(post("/v1/videos", Map.of("id", v.id(), "duration", v.duration(), "clip_length",
                        v.clipLength(), "features", v.features())));
            }
        }
        List<Future<HttpResponse<Buffer>>> all = new ArrayList<>(searches);
        all.addAll(adds);
        Future.all(all).await();
        for (var s : searches) {
            assertThat(s.result().statusCode()).isEqualTo(200);
            assertThat(json(s.result()).get("results")).hasSize(3);
        }
        adds.forEach(a -> assertThat(a.result().statusCode()).isEqualTo(201));
        assertThat(engine.info().corpusSize()).isEqualTo(6);
    }
}
