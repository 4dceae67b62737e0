package org.momentgraph.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.server.corpus.CorpusStore;
import org.momentgraph.server.testing.FakeMomentService;
import org.momentgraph.server.testing.Videos;

/** The blocking bootstrap the command line uses: start, serve, close, and the port is free again. */
class MomentGraphServerTest {

    @TempDir
    Path dir;

    @Test
    void startsOnItsOwnVertxServesAndStopsCleanly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI info;
        try (FakeMomentService service = new FakeMomentService(CorpusStore.open(dir))) {
            service.addVideo(Videos.video("a", 4.0, "cup"));
            try (MomentGraphServer server = MomentGraphServer.start(service, ServerConfig.defaults().withPort(0))) {
                assertThat(server.url()).startsWith("http://127.0.0.1:").endsWith("/");
                info = URI.create(server.url() + "v1/info");
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(info).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).contains("\"corpus_size\":1");
            }
            assertThat(service.closed()).isFalse(); // the server never closes a service it did not open
        }
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(info).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void aPortInUseIsReportedNotHung() throws Exception {
        try (FakeMomentService service = new FakeMomentService(CorpusStore.open(dir));
             MomentGraphServer first = MomentGraphServer.start(service, ServerConfig.defaults().withPort(0))) {
            assertThatThrownBy(() -> MomentGraphServer.start(service, ServerConfig.defaults().withPort(first.port())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot start the server on 127.0.0.1:" + first.port());
        }
    }
}
