package org.momentgraph.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.server.testing.Videos;

/** Parallel searches and adds: all answered correctly, none on the event loop, all adds persisted. */
class ConcurrentClientsTest extends ApiTestBase {

    @Test
    void sixteenParallelSearchesWithEightAdds() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(post("/v1/videos", addRequest(Videos.video("base" + i, 8.0, "person", "cup"))).statusCode())
                    .isEqualTo(201);
        }
        List<Future<HttpResponse<Buffer>>> searches = new ArrayList<>();
        List<Future<HttpResponse<Buffer>>> adds = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            searches.add(client.post("/v1/search").putHeader("Content-Type", "application/json")
                    .sendBuffer(Buffer.buffer("{\"query\": \"person with a cup\", \"k\": 5}")));
            if (i % 2 == 0) {
                String body = JSON.writeValueAsString(addRequest(Videos.video("added" + i, 6.0, "cup", "dog")));
                adds.add(client.post("/v1/videos").putHeader("Content-Type", "application/json")
                        .sendBuffer(Buffer.buffer(body)));
            }
        }
        List<Future<HttpResponse<Buffer>>> all = new ArrayList<>(searches);
        all.addAll(adds);
        Future.all(all).await();

        for (var search : searches) {
            var results = json(search.result()).get("results");
            assertThat(results).hasSize(5);
            results.forEach(r -> assertThat(r.get("vr_score").asDouble()).isPositive());
        }
        adds.forEach(add -> assertThat(add.result().statusCode()).isEqualTo(201));
        assertThat(json(get("/v1/videos?limit=100")).get("total").asInt()).isEqualTo(12);
        assertThat(service.store().dir().resolve("videos.jsonl")).content().hasLineCount(12);
        assertThat(service.callerThreads()).noneMatch(name -> name.contains("eventloop"));
    }
}
