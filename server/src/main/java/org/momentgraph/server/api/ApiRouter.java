package org.momentgraph.server.api;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.momentgraph.server.MomentService;
import org.momentgraph.server.ServerConfig;

/** All routes of the server; {@code openapi.yaml} documents exactly these (a test checks both ways). */
public final class ApiRouter {

    private ApiRouter() {
    }

    public static Router create(Vertx vertx, MomentService service, ServerConfig config) {
        ApiHandlers api = new ApiHandlers(vertx, service, config);
        ViewerAssets viewer = new ViewerAssets();
        Buffer openApi = Buffer.buffer(openApiYaml());
        Router router = Router.router(vertx);

        CorsHandler cors = cors(config);
        // the viewer's own fetches carry its Origin too; they are same-origin, whatever host serves it
        router.route().handler(ctx -> {
            String origin = ctx.request().getHeader("Origin");
            String self = ctx.request().scheme() + "://" + ctx.request().getHeader("Host");
            if (origin != null && origin.equalsIgnoreCase(self)) {
                ctx.next();
            } else {
                cors.handle(ctx);
            }
        });
        router.route().handler(BodyHandler.create(false).setBodyLimit(config.bodyLimit()));

        router.post("/v1/search").handler(Requests::requireJson).handler(api::search);
        router.post("/v1/videos/:id/moments").handler(Requests::requireJson).handler(api::localize);
        router.post("/v1/videos").handler(Requests::requireJson).handler(api::addVideo);
        router.get("/v1/videos").handler(api::listVideos);
        router.delete("/v1/videos/:id").handler(api::removeVideo);
        router.get("/v1/videos/:id/graph").handler(api::videoGraph);
        router.post("/v1/graph/query").handler(Requests::requireJson).handler(api::queryGraph);
        router.get("/v1/health").handler(api::health);
        router.get("/v1/info").handler(api::info);
        router.get("/openapi.yaml").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi));
        router.get("/").handler(viewer::page);
        router.get("/assets/:name").handler(viewer::asset);

        router.route().failureHandler(Failures::handle);
        for (int status : new int[] {400, 404, 405, 413, 415}) {
            router.errorHandler(status, ctx -> Responses.send(ctx, status,
                    Responses.error(Failures.standardMessage(status), null)));
        }
        router.errorHandler(500, Failures::handle);
        return router;
    }

    private static CorsHandler cors(ServerConfig config) {
        CorsHandler cors = CorsHandler.create()
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE, HttpMethod.OPTIONS))
                .allowedHeader("Content-Type")
                .exposedHeader("Location");
        for (String origin : config.corsOrigins()) {
            cors.addOriginWithRegex(origin.equals("*") ? ".*" : origin);
        }
        return cors;
    }

    static byte[] openApiYaml() {
        try (InputStream in = ApiRouter.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
