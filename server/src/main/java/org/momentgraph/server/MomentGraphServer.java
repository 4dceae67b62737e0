package org.momentgraph.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.momentgraph.server.api.ApiRouter;

/**
 * The MomentGraph HTTP server: the REST API under {@code /v1}, {@code /openapi.yaml} and the viewer
 * page at {@code /}, all over one {@link MomentService}. Closing the server does not close the
 * service: whoever opened the service closes it.
 *
 * <pre>{@code
 * try (MomentService service = ServiceFactory.open(modelDir, corpusDir);
 *      MomentGraphServer server = MomentGraphServer.start(service, ServerConfig.defaults())) {
 *     System.out.println("serving on " + server.url());
 *     Thread.currentThread().join();
 * }
 * }</pre>
 */
public final class MomentGraphServer implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 60;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final HttpServer http;
    private final Router router;
    private final ServerConfig config;

    private MomentGraphServer(Vertx vertx, boolean ownsVertx, HttpServer http, Router router, ServerConfig config) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.http = http;
        this.router = router;
        this.config = config;
    }

    /** Starts a server on its own Vert.x instance and returns once it listens. */
    public static MomentGraphServer start(MomentService service, ServerConfig config) {
        Vertx vertx = Vertx.vertx();
        try {
            MomentGraphServer server = start(vertx, service, config).await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new MomentGraphServer(vertx, true, server.http, server.router, config);
        } catch (Exception e) { // await rethrows the listen failure as it is, e.g. a checked BindException
            vertx.close();
            throw new IllegalStateException("cannot start the server on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Starts a server on a caller's Vert.x instance (tests, embedding); closing it leaves the instance running. */
    public static Future<MomentGraphServer> start(Vertx vertx, MomentService service, ServerConfig config) {
        Router router;
        try {
            router = ApiRouter.create(vertx, service, config);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
                .requestHandler(router)
                .listen(config.port(), config.host())
                .map(http -> new MomentGraphServer(vertx, false, http, router, config));
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return http.actualPort();
    }

    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port() + "/";
    }

    /** The routes, e.g. to list them. */
    public Router router() {
        return router;
    }

    @Override
    public void close() {
        try {
            http.close().await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // connections that do not drain in time are cut when Vert.x closes
        } finally {
            if (ownsVertx) {
                vertx.close().await();
            }
        }
    }
}
