package org.momentgraph.server.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.server.MomentGraphServer;
import org.momentgraph.server.MomentService;
import org.momentgraph.server.ServerConfig;
import org.momentgraph.server.ServiceFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves a trained model over a video corpus: REST API under /v1 and the viewer page at /. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a model over a video corpus: the REST API under /v1, /openapi.yaml and the viewer page at /.",
        footer = {"", "Example:", "  ./momentgraph serve --model runs/model --corpus runs/corpus --port 8080",
            "  curl -s localhost:8080/v1/search -H 'Content-Type: application/json' -d '{\"query\": \"a man opens a door\"}'",
            "Ctrl-C stops the server and closes the model."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory written by training (or a training output folder holding model/).")
    Path model;

    @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Corpus folder: a corpus store (created when absent) or a corpus written by 'generate' (imported on first open).")
    Path corpus;

    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Interface to bind (default: ${DEFAULT-VALUE}, local only; 0.0.0.0 for all).")
    String host;

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "Folder under which clients may name server-side feature files (features_path). Off when absent.")
    Path dataRoot;

    @Option(names = "--body-limit", defaultValue = "33554432", paramLabel = "BYTES",
            description = "Largest request body (default: ${DEFAULT-VALUE}).")
    long bodyLimit;

    @Option(names = "--max-query-chars", defaultValue = "500", paramLabel = "N",
            description = "Longest query text (default: ${DEFAULT-VALUE}).")
    int maxQueryChars;

    @Option(names = "--cors-origin", paramLabel = "REGEX",
            description = "Browser origin allowed to call the API, as a regular expression; repeatable; '*' for any."
                    + " Default: localhost and 127.0.0.1 on any port.")
    List<String> corsOrigins;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = new ServerConfig(host, port, bodyLimit, maxQueryChars,
                corsOrigins == null ? List.of(ServerConfig.LOCALHOST_ORIGINS) : corsOrigins,
                java.util.Optional.ofNullable(dataRoot));
        MomentService service;
        try {
            service = ServiceFactory.open(model, corpus);
        } catch (DataFormatException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            System.err.println("momentgraph serve: cannot open model " + model + " over corpus " + corpus + ": "
                    + e.getMessage());
            return 2;
        }
        MomentGraphServer server;
        try {
            server = MomentGraphServer.start(service, config);
        } catch (RuntimeException e) {
            service.close();
            System.err.println("momentgraph serve: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("momentgraph serve: stopping");
            try (service; server) {
                // closes the server first (no new requests), then the service
            } finally {
                stopped.countDown();
            }
        }, "momentgraph-shutdown"));
        System.err.println("momentgraph serve: " + service.info().corpusSize() + " videos, viewer at " + server.url()
                + ", API at " + server.url() + "v1 (Ctrl-C stops)");
        stopped.await();
        return 0;
    }
}
