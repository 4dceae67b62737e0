package org.momentgraph.server.api;

import io.vertx.ext.web.RoutingContext;
import org.momentgraph.server.InvalidInputException;
import org.momentgraph.server.UnknownVideoException;
import org.momentgraph.server.VideoExistsException;
import org.momentgraph.server.corpus.DataRoot.PathRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a JSON error {@code {"error": ..., "field": ...}}: known refusals keep
 * their status, anything unexpected becomes a 500 without a stack trace (which goes to the log),
 * and the server goes on serving.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    static void handle(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        int status;
        String field = null;
        String message;
        if (failure instanceof ApiError e) {
            status = e.status();
            field = e.field();
            message = e.getMessage();
        } else if (failure instanceof PathRejectedException e) {
            status = e.forbidden() ? 403 : 400;
            field = e.field();
            message = e.getMessage();
        } else if (failure instanceof InvalidInputException e) {
            status = 400;
            field = e.field();
            message = e.getMessage();
        } else if (failure instanceof UnknownVideoException e) {
            status = 404;
            field = "id";
            message = e.getMessage();
        } else if (failure instanceof VideoExistsException e) {
            status = 409;
            field = "id";
            message = e.getMessage();
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            // refusals by Vert.x handlers: body too large, CORS, unknown route, wrong method
            status = ctx.statusCode();
            message = standardMessage(status);
        } else {
            status = 500;
            message = "internal server error";
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
        }
        Responses.send(ctx, status, Responses.error(message, field));
    }

    static String standardMessage(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 403 -> "forbidden (origin not allowed)";
            case 404 -> "no such route";
            case 405 -> "method not allowed on this route";
            case 413 -> "request body is larger than the server's limit";
            case 415 -> "unsupported content type";
            default -> "request refused";
        };
    }
}
