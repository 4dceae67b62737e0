package org.momentgraph.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.server.MomentGraphServer;
import org.momentgraph.server.ServerConfig;
import org.momentgraph.server.corpus.CorpusStore;
import org.momentgraph.server.corpus.DetectionsJson;
import org.momentgraph.server.NewVideo;
import org.momentgraph.server.testing.FakeMomentService;

/**
 * Starts the real server on a free port over a {@link FakeMomentService} and a real corpus store
 * in a temporary folder; requests go through a Vert.x WebClient and are awaited from the test thread.
 */
@ExtendWith(VertxExtension.class)
abstract class ApiTestBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long BODY_LIMIT = 64 * 1024;
    static final int MAX_QUERY_CHARS = 50;

    @TempDir
    Path tmp;
    Path dataRoot;
    FakeMomentService service;
    MomentGraphServer server;
    WebClient client;

    ServerConfig config() {
        return new ServerConfig("127.0.0.1", 0, BODY_LIMIT, MAX_QUERY_CHARS,
                List.of(ServerConfig.LOCALHOST_ORIGINS), java.util.Optional.of(dataRoot));
    }

    @BeforeEach
    void startServer(Vertx vertx) throws Exception {
        dataRoot = Files.createDirectories(tmp.resolve("data"));
        service = new FakeMomentService(CorpusStore.open(tmp.resolve("corpus")));
        server = MomentGraphServer.start(vertx, service, config()).await();
        client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()), new io.vertx.core.http.PoolOptions().setHttp1MaxSize(32));
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.close();
        service.close();
    }

    HttpResponse<Buffer> get(String path) {
        return client.get(path).send().await();
    }

    HttpResponse<Buffer> post(String path, Object body) throws Exception {
        return postRaw(path, "application/json", JSON.writeValueAsString(body));
    }

    HttpResponse<Buffer> postRaw(String path, String contentType, String body) {
        var request = client.request(HttpMethod.POST, path);
        if (contentType != null) {
            request.putHeader("Content-Type", contentType);
        }
        return request.sendBuffer(Buffer.buffer(body)).await();
    }

    HttpResponse<Buffer> delete(String path) {
        return client.delete(path).send().await();
    }

    static JsonNode json(HttpResponse<Buffer> response) throws Exception {
        return JSON.readTree(response.bodyAsString());
    }

    /** The add-video request body of a generated video, features inline. */
    static java.util.Map<String, Object> addRequest(NewVideo v) {
        List<Object> detections = v.detections().stream()
                .map(f -> JSON.convertValue(DetectionsJson.write(f), Object.class)).toList();
        return java.util.Map.of("id", v.id(), "duration", v.duration(), "clip_length", v.clipLength(),
                "features", v.features(), "detections", detections);
    }
}
