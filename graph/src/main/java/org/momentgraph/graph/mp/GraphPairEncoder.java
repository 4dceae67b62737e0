package org.momentgraph.graph.mp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.momentgraph.domain.Box;
import org.momentgraph.graph.query.QueryEdge;
import org.momentgraph.graph.query.QueryGraph;
import org.momentgraph.graph.query.QueryNode;
import org.momentgraph.graph.relation.RelationType;
import org.momentgraph.graph.track.Track;
import org.momentgraph.graph.video.ClipGraph;
import org.momentgraph.graph.video.ObjectNode;
import org.momentgraph.graph.video.RelationEdge;
import org.momentgraph.graph.video.VideoGraph;

/**
 * Turns video graphs and query graphs into the network's input. Object nodes and query nodes are
 * embedded by the same label-embedding function (an object's label; an entity's canonical class, a
 * predicate's lemma), so both modalities start in one space and cross-modal matching works before
 * any training.
 *
 * <p>Video node features: embedding, then {@value #NODE_GEOMETRY} geometry and motion values
 * (centre x, y, width, height relative to the clip's extent, detection confidence, fraction of the
 * clip the object is seen, centre displacement across the clip, interpolated flag, then the signed
 * motion across the clip: centre dx, dy and log width and height change, which tell "picks up" from
 * "puts down" and "sits on" from "stands up"). Edge features
 * for an ordered pair (i, j): score-weighted multi-hot of relations i -> j (symmetric relations
 * count both ways), multi-hot of relations j -> i, then centre dx, dy, log area ratio and IoU.
 */
public final class GraphPairEncoder {

    public static final int NODE_GEOMETRY = 12;
    public static final int EDGE_DIM = 2 * RelationType.values().length + 4;

    private final Function<String, float[]> labelEmbedding;
    private final int dim;
    private final Map<String, float[]> cache = new HashMap<>();

    /** @param labelEmbedding a vector of {@code dim} values for any label or word; results are cached */
    public GraphPairEncoder(Function<String, float[]> labelEmbedding, int dim) {
        this.labelEmbedding = labelEmbedding;
        this.dim = dim;
    }

    /** Network sizes that fit this encoder's features. */
    public GraphNetworkConfig config(int hidden, int rounds) {
        return new GraphNetworkConfig(dim + NODE_GEOMETRY, EDGE_DIM, dim, 2, hidden, rounds, 4f);
    }

    public EncodedQuery query(QueryGraph query) {
        Graph<QueryNode, QueryEdge> g = query.graph();
        List<QueryNode> nodes = new ArrayList<>(query.entities());
        nodes.addAll(query.predicates());
        Map<QueryNode, Integer> index = new HashMap<>();
        float[][] features = new float[nodes.size()][];
        int[] kinds = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            QueryNode n = nodes.get(i);
            index.put(n, i);
            features[i] = embed(n.isEntity() ? n.canonicalClass() : n.lemma());
            kinds[i] = n.isEntity() ? RelationalGraphNetwork.KIND_ENTITY : RelationalGraphNetwork.KIND_PREDICATE;
        }
        boolean[][] adjacency = new boolean[nodes.size()][nodes.size()];
        for (QueryEdge e : g.edgeSet()) {
            adjacency[index.get(g.getEdgeSource(e))][index.get(g.getEdgeTarget(e))] = true;
        }
        return new EncodedQuery(query.text(), nodes, features, kinds, adjacency);
    }

    /** Every clip of a video graph, in grid order. */
    public List<EncodedClip> clips(VideoGraph video) {
        Map<Integer, Track> tracks = new HashMap<>();
        for (Track t : video.tracks()) {
            tracks.put(t.id(), t);
        }
        List<EncodedClip> out = new ArrayList<>(video.clips().size());
        for (ClipGraph clip : video.clips()) {
            out.add(clip(clip, tracks));
        }
        return out;
    }

    /** One clip; {@code tracks} (by id) give in-clip motion, and may be empty. */
    public EncodedClip clip(ClipGraph clip, Map<Integer, Track> tracks) {
        Graph<ObjectNode, RelationEdge> g = clip.graph();
        List<ObjectNode> objects = new ArrayList<>(g.vertexSet());
        objects.sort((a, b) -> Integer.compare(a.trackId(), b.trackId()));
        int n = objects.size();
        double extent = 1e-6;
        for (ObjectNode o : objects) {
            extent = Math.max(extent, Math.max(o.meanBox().x2(), o.meanBox().y2()));
        }
        double clipLength = Math.max(1e-6, clip.span().end() - clip.span().start());
        float[][] nodes = new float[n][];
        Map<ObjectNode, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ObjectNode o = objects.get(i);
            index.put(o, i);
            nodes[i] = nodeFeatures(o, tracks.get(o.trackId()), extent, clipLength);
        }
        float[][][] edges = new float[n][n][];
        List<List<List<String>>> relations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<List<String>> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(new ArrayList<>());
            }
            relations.add(row);
        }
        int types = RelationType.values().length;
        for (RelationEdge e : g.edgeSet()) {
            int s = index.get(g.getEdgeSource(e));
            int t = index.get(g.getEdgeTarget(e));
            if (s == t) {
                continue;
            }
            mark(edges, relations, s, t, e.type().ordinal(), e, objects, extent);
            mark(edges, relations, t, s, (e.type().symmetric() ? 0 : types) + e.type().ordinal(), e, objects, extent);
        }
        return new EncodedClip(clip.clipIndex(), objects, nodes, edges, relations);
    }

    private static void mark(float[][][] edges, List<List<List<String>>> relations, int i, int j, int slot,
            RelationEdge e, List<ObjectNode> objects, double extent) {
        if (edges[i][j] == null) {
            edges[i][j] = pairGeometry(objects.get(i).meanBox(), objects.get(j).meanBox(), extent);
        }
        edges[i][j][slot] = Math.max(edges[i][j][slot], (float) e.score());
        if (slot < RelationType.values().length) {
            relations.get(i).get(j).add(e.type().key());
        }
    }

    private static float[] pairGeometry(Box a, Box b, double extent) {
        float[] f = new float[EDGE_DIM];
        int base = 2 * RelationType.values().length;
        f[base] = (float) ((b.centerX() - a.centerX()) / extent);
        f[base + 1] = (float) ((b.centerY() - a.centerY()) / extent);
        f[base + 2] = (float) Math.max(-3, Math.min(3, Math.log((a.area() + 1e-6) / (b.area() + 1e-6))));
        f[base + 3] = (float) a.iou(b);
        return f;
    }

    private float[] nodeFeatures(ObjectNode o, Track track, double extent, double clipLength) {
        float[] f = new float[dim + NODE_GEOMETRY];
        System.arraycopy(embed(o.label()), 0, f, 0, dim);
        Box box = o.meanBox();
        f[dim] = (float) (box.centerX() / extent);
        f[dim + 1] = (float) (box.centerY() / extent);
        f[dim + 2] = (float) (box.width() / extent);
        f[dim + 3] = (float) (box.height() / extent);
        f[dim + 4] = (float) o.confidence();
        f[dim + 5] = (float) Math.min(1, (o.lastT() - o.firstT()) / clipLength);
        if (track != null) {
            Box from = track.boxAt(o.firstT());
            Box to = track.boxAt(o.lastT());
            f[dim + 6] = (float) (Math.hypot(to.centerX() - from.centerX(), to.centerY() - from.centerY()) / extent);
            f[dim + 8] = (float) ((to.centerX() - from.centerX()) / extent);
            f[dim + 9] = (float) ((to.centerY() - from.centerY()) / extent);
            f[dim + 10] = (float) logRatio(to.width(), from.width());
            f[dim + 11] = (float) logRatio(to.height(), from.height());
        }
        f[dim + 7] = o.interpolated() ? 1 : 0;
        return f;
    }

    private static double logRatio(double a, double b) {
        return Math.max(-2, Math.min(2, Math.log((a + 1e-6) / (b + 1e-6))));
    }

    private float[] embed(String text) {
        return cache.computeIfAbsent(text.toLowerCase(java.util.Locale.ROOT), key -> {
            float[] v = labelEmbedding.apply(key);
            if (v == null || v.length != dim) {
                throw new IllegalArgumentException("label embedding of '" + key + "' has "
                        + (v == null ? "no" : v.length) + " values, expected " + dim);
            }
            return v.clone();
        });
    }
}
