package org.momentgraph.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.momentgraph.server.MomentService;

/** Reads and checks request fields; every problem becomes a 400 naming the field. */
final class Requests {

    static final int MAX_K = 100;
    static final int DEFAULT_K = 10;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    /** The request body as a JSON object. */
    static ObjectNode body(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().buffer() == null || ctx.body().length() == 0) {
            throw new ApiError(400, null, "request body must be a JSON object");
        }
        JsonNode node;
        try {
            node = JSON.readTree(ctx.body().buffer().getBytes());
        } catch (JsonProcessingException e) {
            throw new ApiError(400, null, "malformed JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ApiError(400, null, "unreadable body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ApiError(400, null, "request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The {@code query} text: a non-blank string of at most {@code maxChars} characters. */
    static String query(JsonNode body, int maxChars) {
        JsonNode q = body.get("query");
        if (q == null || q.isNull()) {
            throw new ApiError(400, "query", "query is required");
        }
        if (!q.isTextual()) {
            throw new ApiError(400, "query", "query must be a string");
        }
        String text = q.asText().strip();
        if (text.isEmpty()) {
            throw new ApiError(400, "query", "query must not be empty");
        }
        if (text.codePointCount(0, text.length()) > maxChars) {
            throw new ApiError(400, "query", "query is longer than " + maxChars + " characters");
        }
        return text;
    }

    /** {@code k}: an integer in 1..100, 10 when absent. */
    static int k(JsonNode body) {
        JsonNode k = body.get("k");
        if (k == null || k.isNull()) {
            return DEFAULT_K;
        }
        if (!k.isIntegralNumber()) {
            throw new ApiError(400, "k", "k must be an integer");
        }
        if (!k.canConvertToInt() || k.asInt() < 1 || k.asInt() > MAX_K) {
            throw new ApiError(400, "k", "k must be in 1.." + MAX_K);
        }
        return k.asInt();
    }

    /** An optional string field. */
    static Optional<String> optionalText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new ApiError(400, field, field + " must be a non-empty string");
        }
        return Optional.of(v.asText());
    }

    /** A graph format: json (default), graphml or dot. */
    static String format(Optional<String> given) {
        String format = given.orElse("json");
        if (!MomentService.GRAPH_FORMATS.contains(format)) {
            throw new ApiError(400, "format", "format must be one of " + MomentService.GRAPH_FORMATS);
        }
        return format;
    }

    /** An integer query parameter within [min, max], {@code fallback} when absent. */
    static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, name, name + " must be an integer");
        }
        if (value < min || value > max) {
            throw new ApiError(400, name, name + " must be in " + min + ".." + max);
        }
        return value;
    }

    /** Refuses request bodies that do not declare JSON (415). */
    static void requireJson(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!mime.equals("application/json")) {
            ctx.fail(new ApiError(415, null, "Content-Type must be application/json, got "
                    + (type == null ? "none" : "'" + type + "'")));
            return;
        }
        ctx.next();
    }
}
