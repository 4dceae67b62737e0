package org.momentgraph.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.momentgraph.server.MomentService;
import org.momentgraph.server.ServerConfig;
import org.momentgraph.server.UnknownVideoException;
import org.momentgraph.server.corpus.DataRoot;

/**
 * The {@code /v1} handlers: each reads and checks its request on the event loop, calls the
 * {@link MomentService} on a worker thread (models are slow and DJL predictors block), and answers
 * on the event loop. Unordered blocking calls let requests run in parallel across the worker pool.
 */
final class ApiHandlers {

    private final Vertx vertx;
    private final MomentService service;
    private final ServerConfig config;
    private final Optional<DataRoot> dataRoot;

    ApiHandlers(Vertx vertx, MomentService service, ServerConfig config) {
        this.vertx = vertx;
        this.service = service;
        this.config = config;
        this.dataRoot = config.dataRoot().map(DataRoot::new);
    }

    void search(RoutingContext ctx) {
        JsonNode body = Requests.body(ctx);
        String query = Requests.query(body, config.maxQueryChars());
        int k = Requests.k(body);
        blocking(ctx, () -> service.search(query, k), hits -> Responses.send(ctx, 200, Responses.hits(hits)));
    }

    void localize(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        JsonNode body = Requests.body(ctx);
        String query = Requests.query(body, config.maxQueryChars());
        int k = Requests.k(body);
        blocking(ctx, () -> service.localize(id, query, k), hits -> Responses.send(ctx, 200, Responses.hits(hits)));
    }

    void addVideo(RoutingContext ctx) {
        JsonNode body = Requests.body(ctx);
        // parsing inline features of a long video is real work: keep it off the event loop too
        blocking(ctx, () -> service.addVideo(NewVideoJson.read(body, dataRoot)), info -> {
            ctx.response().putHeader("Location", "/v1/videos/" + info.id());
            Responses.send(ctx, 201, Responses.video(info));
        });
    }

    void removeVideo(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        blocking(ctx, () -> service.removeVideo(id), removed -> {
            if (!removed) {
                ctx.fail(new UnknownVideoException(id));
                return;
            }
            ctx.response().setStatusCode(204).end();
        });
    }

    void listVideos(RoutingContext ctx) {
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Requests.intParam(ctx, "limit", Requests.DEFAULT_LIMIT, 1, Requests.MAX_LIMIT);
        blocking(ctx, () -> service.listVideos(offset, limit), page -> Responses.send(ctx, 200, Responses.videos(page)));
    }

    void videoGraph(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String format = Requests.format(Optional.ofNullable(ctx.queryParams().get("format")));
        blocking(ctx, () -> service.videoGraph(id, format), graph -> Responses.sendGraph(ctx, format, graph));
    }

    void queryGraph(RoutingContext ctx) {
        JsonNode body = Requests.body(ctx);
        String query = Requests.query(body, config.maxQueryChars());
        Optional<String> video = Requests.optionalText(body, "video");
        String format = Requests.format(Requests.optionalText(body, "format"));
        blocking(ctx, () -> service.queryGraph(query, video, format), graph -> Responses.sendGraph(ctx, format, graph));
    }

    void health(RoutingContext ctx) {
        Responses.send(ctx, 200, Responses.JSON.createObjectNode().put("status", "ok"));
    }

    void info(RoutingContext ctx) {
        blocking(ctx, service::info, info -> Responses.send(ctx, 200, Responses.info(info)));
    }

    private <T> void blocking(RoutingContext ctx, Callable<T> call, Consumer<T> answer) {
        vertx.executeBlocking(call, false).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            try {
                answer.accept(result.result());
            } catch (RuntimeException e) {
                ctx.fail(e);
            }
        });
    }
}
