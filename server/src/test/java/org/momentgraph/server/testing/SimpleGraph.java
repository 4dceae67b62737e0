package org.momentgraph.server.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny labelled graph written in the three formats of {@code MomentService}, for the fake. */
final class SimpleGraph {

    private record Node(String id, String label, String kind) {
    }

    private record Link(String source, String target, String relation) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();

    void node(String id, String label, String kind) {
        nodes.putIfAbsent(id, new Node(id, label, kind));
    }

    void link(String source, String target, String relation) {
        Link l = new Link(source, target, relation);
        if (!links.contains(l)) {
            links.add(l);
        }
    }

    String write(String format) {
        return switch (format) {
            case "json" -> json();
            case "graphml" -> graphml();
            case "dot" -> dot();
            default -> throw new IllegalArgumentException(format);
        };
    }

    private String json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("directed", true).put("multigraph", false);
        root.putObject("graph");
        var ns = root.putArray("nodes");
        nodes.values().forEach(n -> ns.addObject().put("id", n.id).put("label", n.label).put("kind", n.kind));
        var ls = root.putArray("links");
        links.forEach(l -> ls.addObject().put("source", l.source).put("target", l.target).put("relation", l.relation));
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String graphml() {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                + "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
                + "<key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
                + "<graph edgedefault=\"directed\">\n");
        nodes.values().forEach(n -> out.append("<node id=\"").append(n.id).append("\"><data key=\"label\">")
                .append(n.label).append("</data></node>\n"));
        links.forEach(l -> out.append("<edge source=\"").append(l.source).append("\" target=\"").append(l.target)
                .append("\"><data key=\"relation\">").append(l.relation).append("</data></edge>\n"));
        return out.append("</graph>\n</graphml>\n").toString();
    }

    private String dot() {
        StringBuilder out = new StringBuilder("digraph G {\n");
        nodes.values().forEach(n -> out.append("  \"").append(n.id).append("\" [label=\"").append(n.label).append("\"];\n"));
        links.forEach(l -> out.append("  \"").append(l.source).append("\" -> \"").append(l.target)
                .append("\" [label=\"").append(l.relation).append("\"];\n"));
        return out.append("}\n").toString();
    }
}
