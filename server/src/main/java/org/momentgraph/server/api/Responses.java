package org.momentgraph.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.momentgraph.server.Explanation;
import org.momentgraph.server.Info;
import org.momentgraph.server.Page;
import org.momentgraph.server.SearchHit;
import org.momentgraph.server.VideoInfo;

/** The JSON shapes the API answers with (snake_case keys) and the calls that send them. */
final class Responses {

    static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {
    }

    static ObjectNode hits(List<SearchHit> hits) {
        ObjectNode out = JSON.createObjectNode();
        var results = out.putArray("results");
        for (SearchHit h : hits) {
            ObjectNode r = results.addObject();
            r.put("video", h.video()).put("start", h.start()).put("end", h.end())
                    .put("score", h.score()).put("vr_score", h.vrScore());
            var matches = r.putObject("explanation").putArray("matches");
            for (Explanation.Match m : h.explanation().matches()) {
                matches.addObject().put("query_node", m.queryNode()).put("video_node", m.videoNode())
                        .put("relation", m.relation()).put("relation_target", m.relationTarget()).put("score", m.score());
            }
        }
        return out;
    }

    static ObjectNode video(VideoInfo v) {
        return JSON.createObjectNode().put("id", v.id()).put("duration", v.duration())
                .put("clip_length", v.clipLength()).put("clips", v.clips())
                .put("feature_dim", v.featureDim()).put("frames", v.frames());
    }

    static ObjectNode videos(Page<VideoInfo> page) {
        ObjectNode out = JSON.createObjectNode();
        var items = out.putArray("videos");
        page.items().forEach(v -> items.add(video(v)));
        return out.put("offset", page.offset()).put("limit", page.limit()).put("total", page.total());
    }

    static ObjectNode info(Info info) {
        return JSON.createObjectNode().put("model", info.model()).put("corpus_size", info.corpusSize())
                .put("version", info.version());
    }

    static ObjectNode error(String message, String field) {
        return JSON.createObjectNode().put("error", message).put("field", field);
    }

    static void send(RoutingContext ctx, int status, JsonNode body) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(text);
    }

    /** A graph as the service wrote it, with the media type of its format. */
    static void sendGraph(RoutingContext ctx, String format, String graph) {
        String type = switch (format) {
            case "json" -> "application/json; charset=utf-8";
            case "graphml" -> "application/graphml+xml; charset=utf-8";
            default -> "text/vnd.graphviz; charset=utf-8";
        };
        ctx.response().setStatusCode(200).putHeader("Content-Type", type).end(graph);
    }
}
