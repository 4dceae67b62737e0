package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch of (query graph, clip graph) pairs in padded dense form, built in plain Java and turned
 * into NDArrays in one step (no per-node NDArray allocation).
 *
 * <p>NDList order: video nodes [B,N,Dv], video mask [B,N], edge features [B,N,N,De], edge mask
 * [B,N,N], query nodes [B,M,Dq], query mask [B,M], query kinds [B,M,K], query adjacency [B,M,M].
 */
public final class GraphBatch {

    /** One (query, clip) pair. Arrays are [nodes][dim], [nodes][nodes][dim] (null = no edge), etc. */
    public record Pair(float[][] videoNodes, float[][][] edges, float[][] queryNodes, int[] queryKinds,
            boolean[][] queryAdjacency) {
        public Pair {
            int n = videoNodes.length;
            int m = queryNodes.length;
            if (edges.length != n || queryKinds.length != m || queryAdjacency.length != m) {
                throw new IllegalArgumentException("pair needs " + n + " edge rows and " + m
                        + " query kinds and adjacency rows");
            }
            for (int i = 0; i < n; i++) {
                if (edges[i].length != n) {
                    throw new IllegalArgumentException("edge row " + i + " has " + edges[i].length + " entries, not " + n);
                }
            }
            for (int i = 0; i < m; i++) {
                if (queryAdjacency[i].length != m) {
                    throw new IllegalArgumentException("adjacency row " + i + " has " + queryAdjacency[i].length
                            + " entries, not " + m);
                }
            }
        }
    }

    private final GraphNetworkConfig config;
    private final List<Pair> pairs = new ArrayList<>();

    public GraphBatch(GraphNetworkConfig config) {
        this.config = config;
    }

    public GraphBatch add(Pair pair) {
        for (float[] v : pair.videoNodes()) {
            requireDim(v, config.videoNodeDim(), "video node");
        }
        for (float[] q : pair.queryNodes()) {
            requireDim(q, config.queryNodeDim(), "query node");
        }
        for (float[][] row : pair.edges()) {
            for (float[] e : row) {
                if (e != null) {
                    requireDim(e, config.edgeDim(), "edge");
                }
            }
        }
        for (int kind : pair.queryKinds()) {
            if (kind < 0 || kind >= config.queryKinds()) {
                throw new IllegalArgumentException("query kind " + kind + " outside 0.." + (config.queryKinds() - 1));
            }
        }
        pairs.add(pair);
        return this;
    }

    /** The pairs from index {@code from} (inclusive) to {@code to} (exclusive), as a new batch. */
    public GraphBatch slice(int from, int to) {
        GraphBatch part = new GraphBatch(config);
        part.pairs.addAll(pairs.subList(from, to));
        return part;
    }

    public List<Pair> pairs() {
        return List.copyOf(pairs);
    }

    public int size() {
        return pairs.size();
    }

    private static void requireDim(float[] v, int dim, String what) {
        if (v.length != dim) {
            throw new IllegalArgumentException(what + " feature has " + v.length + " values, expected " + dim);
        }
    }

    public NDList toNDList(NDManager manager) {
        int b = pairs.size();
        int n = Math.max(1, pairs.stream().mapToInt(p -> p.videoNodes().length).max().orElse(1));
        int m = Math.max(1, pairs.stream().mapToInt(p -> p.queryNodes().length).max().orElse(1));
        int dv = config.videoNodeDim();
        int de = config.edgeDim();
        int dq = config.queryNodeDim();
        int k = config.queryKinds();
        float[] vNodes = new float[b * n * dv];
        float[] vMask = new float[b * n];
        float[] eFeat = new float[b * n * n * de];
        float[] eMask = new float[b * n * n];
        float[] qNodes = new float[b * m * dq];
        float[] qMask = new float[b * m];
        float[] qKinds = new float[b * m * k];
        float[] qAdj = new float[b * m * m];
        for (int p = 0; p < b; p++) {
            Pair pair = pairs.get(p);
            for (int i = 0; i < pair.videoNodes().length; i++) {
                System.arraycopy(pair.videoNodes()[i], 0, vNodes, (p * n + i) * dv, dv);
                vMask[p * n + i] = 1;
                for (int j = 0; j < pair.videoNodes().length; j++) {
                    float[] e = pair.edges()[i][j];
                    if (e != null) {
                        System.arraycopy(e, 0, eFeat, ((p * n + i) * n + j) * de, de);
                        eMask[(p * n + i) * n + j] = 1;
                    }
                }
            }
            for (int i = 0; i < pair.queryNodes().length; i++) {
                System.arraycopy(pair.queryNodes()[i], 0, qNodes, (p * m + i) * dq, dq);
                qMask[p * m + i] = 1;
                qKinds[(p * m + i) * k + pair.queryKinds()[i]] = 1;
                for (int j = 0; j < pair.queryNodes().length; j++) {
                    if (pair.queryAdjacency()[i][j]) {
                        qAdj[(p * m + i) * m + j] = 1;
                    }
                }
            }
        }
        return new NDList(
                manager.create(vNodes, new Shape(b, n, dv)),
                manager.create(vMask, new Shape(b, n)),
                manager.create(eFeat, new Shape(b, n, n, de)),
                manager.create(eMask, new Shape(b, n, n)),
                manager.create(qNodes, new Shape(b, m, dq)),
                manager.create(qMask, new Shape(b, m)),
                manager.create(qKinds, new Shape(b, m, k)),
                manager.create(qAdj, new Shape(b, m, m)));
    }
}
