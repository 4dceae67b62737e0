package org.momentgraph.server.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.momentgraph.graph.export.GraphExporter;
import org.momentgraph.graph.export.GraphFormat;
import org.momentgraph.graph.export.GraphView;
import org.momentgraph.graph.query.QueryEdge;
import org.momentgraph.graph.query.QueryGraph;
import org.momentgraph.graph.query.QueryNode;
import org.momentgraph.server.InvalidInputException;
import org.momentgraph.server.MomentService;

/**
 * Graph views as the REST contract's text: node-link JSON whose every link also carries
 * {@code "relation"} (the edge kind unless the edge states one), GraphML, or DOT.
 */
final class GraphTexts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphTexts() {
    }

    static String write(GraphView<?, ?> view, String format) {
        return switch (check(format)) {
            case "json" -> withRelations(GraphExporter.toText(view, GraphFormat.JSON));
            case "graphml" -> GraphExporter.toText(view, GraphFormat.GRAPHML);
            default -> GraphExporter.toText(view, GraphFormat.DOT);
        };
    }

    static String check(String format) {
        String f = format == null ? "json" : format.toLowerCase(Locale.ROOT);
        if (!MomentService.GRAPH_FORMATS.contains(f)) {
            throw new InvalidInputException("format", "must be one of " + MomentService.GRAPH_FORMATS + ", got " + format);
        }
        return f;
    }

    /** A query graph alone: entity and predicate nodes ("q{id}"), subject/object/temporal edges. */
    static GraphView<QueryNode, QueryEdge> queryView(QueryGraph query) {
        return GraphView.builder(query.graph())
                .nodeId(n -> "q" + n.id())
                .nodeLabel(QueryNode::lemma)
                .nodeKind(n -> n.isEntity() ? "query_entity" : "query_predicate")
                .nodeAttributes(n -> Map.of("words", String.join(" ", n.words()), "class", n.canonicalClass()))
                .edgeKind(QueryEdge::label)
                .graphAttribute("query", query.text())
                .build();
    }

    private static String withRelations(String nodeLink) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(nodeLink);
            for (String key : new String[] {"links", "edges"}) {
                for (JsonNode link : root.path(key)) {
                    if (!link.hasNonNull("relation")) {
                        ((ObjectNode) link).put("relation", link.path("kind").asText());
                    }
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the node-link exporter wrote invalid JSON", e);
        }
    }
}
