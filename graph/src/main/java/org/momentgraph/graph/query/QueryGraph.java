package org.momentgraph.graph.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * A parsed query: entity and predicate nodes joined by SUBJECT (entity -> predicate), OBJECT
 * (predicate -> entity) and TEMPORAL (earlier predicate -> later predicate) edges. Built by
 * {@link QueryParser}; read-only afterwards.
 */
public final class QueryGraph {

    private final String text;
    private final List<String> tokens;
    private final List<String> tags;
    private final DirectedMultigraph<QueryNode, QueryEdge> graph;

    QueryGraph(String text, List<String> tokens, List<String> tags, DirectedMultigraph<QueryNode, QueryEdge> graph) {
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.tags = List.copyOf(tags);
        this.graph = graph;
    }

    public String text() {
        return text;
    }

    /** The query's tokens (OpenNLP UD tokenizer). */
    public List<String> tokens() {
        return tokens;
    }

    /** Universal POS tag of each token. */
    public List<String> tags() {
        return tags;
    }

    /** The graph itself, read-only. */
    public Graph<QueryNode, QueryEdge> graph() {
        return new AsUnmodifiableGraph<>(graph);
    }

    /** Entity nodes in order of first mention. */
    public List<QueryNode> entities() {
        return nodes(QueryNode.Kind.ENTITY);
    }

    /** Predicate nodes in sentence order. */
    public List<QueryNode> predicates() {
        return nodes(QueryNode.Kind.PREDICATE);
    }

    /** Subjects of a predicate, in sentence order. */
    public List<QueryNode> subjectsOf(QueryNode predicate) {
        List<QueryNode> result = new ArrayList<>();
        for (QueryEdge e : graph.incomingEdgesOf(predicate)) {
            if (e.kind() == QueryEdge.Kind.SUBJECT) {
                result.add(graph.getEdgeSource(e));
            }
        }
        result.sort(Comparator.comparingInt(QueryNode::spanStart));
        return result;
    }

    /** Objects of a predicate, in sentence order. */
    public List<QueryNode> objectsOf(QueryNode predicate) {
        List<QueryNode> result = new ArrayList<>();
        for (QueryEdge e : graph.outgoingEdgesOf(predicate)) {
            if (e.kind() == QueryEdge.Kind.OBJECT) {
                result.add(graph.getEdgeTarget(e));
            }
        }
        result.sort(Comparator.comparingInt(QueryNode::spanStart));
        return result;
    }

    /** Every subject -> predicate -> object combination, in predicate order. */
    public List<Triple> triples() {
        List<Triple> result = new ArrayList<>();
        for (QueryNode p : predicates()) {
            for (QueryNode s : subjectsOf(p)) {
                for (QueryNode o : objectsOf(p)) {
                    result.add(new Triple(s, p, o));
                }
            }
        }
        return result;
    }

    /** TEMPORAL edges as [earlier, later] predicate pairs, in sentence order of the earlier one. */
    public List<QueryNode[]> temporalOrder() {
        List<QueryNode[]> result = new ArrayList<>();
        for (QueryEdge e : graph.edgeSet()) {
            if (e.kind() == QueryEdge.Kind.TEMPORAL) {
                result.add(new QueryNode[] {graph.getEdgeSource(e), graph.getEdgeTarget(e)});
            }
        }
        result.sort(Comparator.comparingInt(pair -> pair[0].spanStart()));
        return result;
    }

    private List<QueryNode> nodes(QueryNode.Kind kind) {
        return graph.vertexSet().stream().filter(n -> n.kind() == kind)
                .sorted(Comparator.comparingInt(QueryNode::spanStart)).toList();
    }

    /** A multi-line description: nodes, then triples and temporal order. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(text).append('\n');
        b.append("  entities: ").append(entities()).append('\n');
        b.append("  predicates: ").append(predicates()).append('\n');
        for (QueryNode p : predicates()) {
            b.append("    ").append(subjectsOf(p).stream().map(QueryNode::lemma).toList())
                    .append(" -").append(p.lemma()).append("-> ")
                    .append(objectsOf(p).stream().map(QueryNode::lemma).toList()).append('\n');
        }
        for (QueryNode[] pair : temporalOrder()) {
            b.append("    ").append(pair[0].lemma()).append(" before ").append(pair[1].lemma()).append('\n');
        }
        return b.toString();
    }
}
