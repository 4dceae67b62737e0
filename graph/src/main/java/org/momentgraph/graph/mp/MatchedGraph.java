package org.momentgraph.graph.mp;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.graph.DirectedMultigraph;
import org.momentgraph.graph.export.GraphView;
import org.momentgraph.graph.query.QueryNode;
import org.momentgraph.graph.video.ObjectNode;

/**
 * The matched multimodal graph of a (query, clip) pair, for the exporters: query nodes with their
 * syntactic edges, the clip's object nodes with their relation edges, and one scored cross-modal
 * "match" edge per piece of evidence (a predicate match gives a "subject" and an "object" edge).
 */
public final class MatchedGraph {

    /** A node of either modality. */
    public record Node(String id, String label, String kind, Map<String, Object> attributes) {
    }

    /** An edge; compared by identity, as multigraphs need. */
    public static final class Edge {
        private final String kind;
        private final Map<String, Object> attributes;

        Edge(String kind, Map<String, Object> attributes) {
            this.kind = kind;
            this.attributes = attributes;
        }

        public String kind() {
            return kind;
        }

        public Map<String, Object> attributes() {
            return attributes;
        }
    }

    private MatchedGraph() {
    }

    /**
     * @param attributes graph attributes (video id, clip, query text, scorer: "graph-network" or
     *                   "presence", ...)
     */
    public static GraphView<Node, Edge> view(EncodedQuery query, EncodedClip clip, List<GraphMatch> matches,
            Map<String, Object> attributes) {
        DirectedMultigraph<Node, Edge> g = new DirectedMultigraph<>(null, null, false);
        Map<String, Node> byId = new HashMap<>();
        for (QueryNode q : query.nodes()) {
            Node node = new Node("q" + q.id(), q.lemma(), q.isEntity() ? "query_entity" : "query_predicate",
                    Map.of("words", String.join(" ", q.words()), "class", q.canonicalClass()));
            g.addVertex(node);
            byId.put(MatchExplainer.name(q), node);
        }
        for (int a = 0; a < query.size(); a++) {
            for (int b = 0; b < query.size(); b++) {
                if (query.adjacency()[a][b]) {
                    g.addEdge(byId.get(MatchExplainer.name(query.nodes().get(a))),
                            byId.get(MatchExplainer.name(query.nodes().get(b))), new Edge("query_edge", Map.of()));
                }
            }
        }
        for (ObjectNode o : clip.objects()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("track", o.trackId());
            attrs.put("box", new double[] {o.meanBox().x1(), o.meanBox().y1(), o.meanBox().x2(), o.meanBox().y2()});
            attrs.put("confidence", o.confidence());
            Node node = new Node(o.id(), o.label(), "object", attrs);
            g.addVertex(node);
            byId.put(o.id(), node);
        }
        for (int i = 0; i < clip.size(); i++) {
            for (int j = 0; j < clip.size(); j++) {
                for (String relation : clip.relations().get(i).get(j)) {
                    g.addEdge(byId.get(clip.objects().get(i).id()), byId.get(clip.objects().get(j).id()),
                            new Edge(relation, Map.of()));
                }
            }
        }
        for (GraphMatch m : matches) {
            Node from = byId.get(m.queryNode());
            if (from == null || m.videoNode() == null) {
                continue;
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("score", m.score());
            if (m.relation() != null) {
                attrs.put("relation", m.relation());
            }
            attrs.put("role", m.relationTarget() == null && from.kind().equals("query_entity") ? "entity" : "subject");
            g.addEdge(from, byId.get(m.videoNode()), new Edge("match", attrs));
            if (m.relationTarget() != null) {
                Map<String, Object> target = new LinkedHashMap<>(attrs);
                target.put("role", "object");
                g.addEdge(from, byId.get(m.relationTarget()), new Edge("match", target));
            }
        }
        GraphView.Builder<Node, Edge> view = GraphView.builder(g).nodeId(Node::id).nodeLabel(Node::label)
                .nodeKind(Node::kind).nodeAttributes(Node::attributes).edgeKind(Edge::kind)
                .edgeAttributes(Edge::attributes);
        view.graphAttribute("query", query.text());
        view.graphAttribute("clip", clip.clipIndex());
        attributes.forEach(view::graphAttribute);
        return view.build();
    }
}
