package org.momentgraph.server.cli;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.server.MomentGraph;
import org.momentgraph.server.MomentGraphServer;
import org.momentgraph.server.ServerConfig;
import org.momentgraph.server.VideoInfo;
import org.momentgraph.server.demo.DemoConfig;
import org.momentgraph.server.demo.DemoPreparer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The main job on the bundled synthetic corpus: generate, train or reuse a model, index, serve. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate the synthetic corpus, train (or reuse the cached) model, index the corpus and serve it "
                + "on localhost with the viewer. Everything is cached under HOME/demo/KEY (KEY: generator version and "
                + "settings).",
        footer = {"", "Examples:", "  ./momentgraph demo",
            "  ./momentgraph demo --port 9090 --videos 300 --epochs 8",
            "  ./momentgraph demo --no-serve        # prepare only (CI)",
            "Ctrl-C stops the server."})
final class DemoCommand implements Callable<Integer> {

    private static final int PORT_TRIES = 20;

    @Option(names = "--home", paramLabel = "DIR", description = "Cache folder (default: ~/.momentgraph).")
    Path home;

    @Option(names = "--port", defaultValue = "8080",
            description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; when busy the next free one is used).")
    int port;

    @Option(names = "--videos", defaultValue = "150", description = "Synthetic videos (default: ${DEFAULT-VALUE}).")
    int videos;

    @Option(names = "--epochs", defaultValue = "12", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--hidden", defaultValue = "32", description = "Model width (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--no-serve", description = "Prepare corpus, model and index, then exit.")
    boolean noServe;

    @Override
    public Integer call() throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.log.io.jhdf", "error");
        Path cache = home != null ? home : Path.of(System.getProperty("user.home"), ".momentgraph");
        DemoPreparer.Prepared prepared;
        try {
            prepared = DemoPreparer.prepare(cache,
                    DemoConfig.defaults().withVideos(videos).withEpochs(epochs).withHidden(hidden), System.err);
        } catch (DataFormatException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println("momentgraph demo: " + e.getMessage());
            return 2;
        }
        if (noServe) {
            System.out.println("model:  " + prepared.modelDir());
            System.out.println("corpus: " + prepared.corpusDir());
            System.out.println("serve:  ./momentgraph serve --model " + prepared.modelDir() + " --corpus "
                    + prepared.corpusDir());
            return 0;
        }
        MomentGraph service = MomentGraph.open(prepared.modelDir(), prepared.corpusDir());
        MomentGraphServer server = start(service);
        if (server == null) {
            service.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("momentgraph demo: stopping");
            try (service; server) {
                // server first (no new requests), then the model and corpus
            } finally {
                stopped.countDown();
            }
        }, "momentgraph-demo-shutdown"));
        printExamples(server.url(), service.listVideos(0, 1).items());
        stopped.await();
        return 0;
    }

    private MomentGraphServer start(MomentGraph service) {
        for (int p = port; p < port + PORT_TRIES && p <= 65535; p++) {
            try {
                return MomentGraphServer.start(service, ServerConfig.defaults().withPort(p));
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof BindException) || port == 0) {
                    System.err.println("momentgraph demo: " + e.getMessage());
                    return null;
                }
                System.err.println("momentgraph demo: port " + p + " is busy, trying " + (p + 1));
            }
        }
        System.err.println("momentgraph demo: ports " + port + ".." + (port + PORT_TRIES - 1)
                + " are all busy; pick one with --port");
        return null;
    }

    private static void printExamples(String url, List<VideoInfo> first) {
        String video = first.isEmpty() ? "VIDEO_ID" : first.get(0).id();
        String api = url + "v1";
        System.out.println();
        System.out.println("MomentGraph demo is running. Viewer: " + url);
        System.out.println("Try:");
        System.out.println("  curl -s " + api + "/search -H 'Content-Type: application/json' "
                + "-d '{\"query\": \"a person picks up the cup\", \"k\": 5}'");
        System.out.println("  curl -s " + api + "/videos/" + video + "/moments -H 'Content-Type: application/json' "
                + "-d '{\"query\": \"someone opens the door\", \"k\": 3}'");
        System.out.println("  curl -s '" + api + "/videos?limit=5'");
        System.out.println("  curl -s '" + api + "/videos/" + video + "/graph?format=dot' | dot -Tsvg > graph.svg");
        System.out.println("  curl -s " + api + "/info");
        System.out.println("Ctrl-C stops the server.");
    }
}
