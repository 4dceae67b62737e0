package org.momentgraph.encoders.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.momentgraph.domain.Box;
import org.momentgraph.graph.relation.RelationType;
import org.momentgraph.graph.video.ObjectNode;
import org.momentgraph.graph.video.RelationEdge;
import org.momentgraph.graph.video.VideoGraph;

/**
 * Who takes part in what, clip by clip: the interaction block of the graph stream. It has one channel
 * per within-clip relation type (contact, near, inside, left/right, above/below, approaching, moving
 * together, moving apart) and one per motion cue of a track between neighbouring clips (rises, falls,
 * moves sideways, widens, narrows, grows taller, grows shorter). A channel holds the label embeddings
 * of the objects taking part, each weighted by the edge score or the cue's strength, summed.
 *
 * <p>Why: "picks up the cup" and "puts the cup down" show the same objects in the same clips; only
 * which object takes part in which relation and moves which way tells them apart. A plain label bag or
 * a hashed triple count loses that pairing; here a linear layer can read "cup in the rises channel".
 * Label embeddings are first reduced by a fixed random projection (seeded, so every run and every
 * machine builds the same rows) to {@link #PROJECTED_DIM} dims, which keeps their cosines roughly and
 * keeps the block small: {@code channels() * PROJECTED_DIM} floats per clip.
 *
 * <p>Cues are scale-free: centre motion in box diagonals per second, size change relative to the mean
 * size per second, squashed by {@code tanh(value / CUE_SCALE)}. A channel's sum is divided by
 * {@code sqrt(1 + total weight)} so crowded clips do not dwarf sparse ones. Thread-safe.
 */
public final class InteractionBags {

    /** Width of a projected label embedding. */
    public static final int PROJECTED_DIM = 32;
    /** Motion (diagonals/s) or size change (fraction/s) that gives a cue strength of tanh(1). */
    static final double CUE_SCALE = 0.3;
    private static final long PROJECTION_SEED = 0x4D6F6D656E74L;
    private static final List<RelationType> RELATIONS = List.of(RelationType.CONTACT, RelationType.NEAR,
            RelationType.INSIDE, RelationType.LEFT_OF, RelationType.RIGHT_OF, RelationType.ABOVE,
            RelationType.BELOW, RelationType.APPROACHING, RelationType.MOVING_TOGETHER, RelationType.MOVING_APART);
    private static final int CUES = 7;

    private final Function<String, float[]> labelEmbedder;
    private final float[][] projection;
    private final Map<String, float[]> projected = new ConcurrentHashMap<>();

    public InteractionBags(Function<String, float[]> labelEmbedder, int embeddingDim) {
        this.labelEmbedder = labelEmbedder;
        this.projection = projection(embeddingDim);
    }

    /** Channel names in row order: the relation keys, then the motion cues. */
    public static List<String> channelNames() {
        List<String> names = new ArrayList<>();
        RELATIONS.forEach(r -> names.add(r.key()));
        names.addAll(List.of("rises", "falls", "moves_sideways", "widens", "narrows", "grows_taller",
                "grows_shorter"));
        return List.copyOf(names);
    }

    public static int channels() {
        return RELATIONS.size() + CUES;
    }

    /** Floats per clip. */
    public static int dim() {
        return channels() * PROJECTED_DIM;
    }

    /** Writes clip {@code clip}'s block of {@code graph} into {@code row[offset, offset + dim())}. */
    public void fill(VideoGraph graph, int clip, float[] row, int offset) {
        double[] block = new double[dim()];
        double[] weight = new double[channels()];
        Graph<ObjectNode, RelationEdge> g = graph.clip(clip).graph();
        for (RelationEdge e : g.edgeSet()) {
            int channel = RELATIONS.indexOf(e.type());
            if (channel < 0) {
                continue;
            }
            add(block, weight, channel, g.getEdgeSource(e).label(), e.score());
            add(block, weight, channel, g.getEdgeTarget(e).label(), e.score());
        }
        Map<Integer, ObjectNode> before = clip > 0 ? byTrack(graph, clip - 1) : Map.of();
        Map<Integer, ObjectNode> after = clip + 1 < graph.clips().size() ? byTrack(graph, clip + 1) : Map.of();
        double seconds = graph.video().grid().clipLength();
        for (ObjectNode node : g.vertexSet()) {
            ObjectNode from = before.getOrDefault(node.trackId(), node);
            ObjectNode to = from == node ? after.getOrDefault(node.trackId(), node) : node;
            if (from == to) {
                continue;
            }
            double[] cues = cues(from.meanBox(), to.meanBox(), seconds);
            for (int c = 0; c < CUES; c++) {
                if (cues[c] > 0) {
                    add(block, weight, RELATIONS.size() + c, node.label(), cues[c]);
                }
            }
        }
        for (int c = 0; c < channels(); c++) {
            double scale = 1 / Math.sqrt(1 + weight[c]);
            for (int k = 0; k < PROJECTED_DIM; k++) {
                row[offset + c * PROJECTED_DIM + k] = (float) (block[c * PROJECTED_DIM + k] * scale);
            }
        }
    }

    /** Rises, falls, moves sideways, widens, narrows, grows taller, grows shorter: each in [0, 1). */
    static double[] cues(Box from, Box to, double seconds) {
        double diagonal = (diagonal(from) + diagonal(to)) / 2;
        if (!(diagonal > 0) || !(seconds > 0)) {
            return new double[CUES];
        }
        double rise = (from.centerY() - to.centerY()) / diagonal / seconds; // image y grows downward
        double sideways = Math.abs(to.centerX() - from.centerX()) / diagonal / seconds;
        double widen = relativeChange(from.width(), to.width()) / seconds;
        double taller = relativeChange(from.height(), to.height()) / seconds;
        return new double[] {squash(rise), squash(-rise), squash(sideways), squash(widen), squash(-widen),
            squash(taller), squash(-taller)};
    }

    private static double relativeChange(double a, double b) {
        double mean = (a + b) / 2;
        return mean > 0 ? (b - a) / mean : 0;
    }

    private static double squash(double value) {
        return value > 0 ? Math.tanh(value / CUE_SCALE) : 0;
    }

    private static double diagonal(Box b) {
        return Math.hypot(b.width(), b.height());
    }

    /** The reduced embedding of a label (a copy). */
    float[] projectedLabel(String label) {
        return projected.computeIfAbsent(label, this::project).clone();
    }

    private void add(double[] block, double[] weight, int channel, String label, double w) {
        float[] p = projected.computeIfAbsent(label, this::project);
        for (int k = 0; k < PROJECTED_DIM; k++) {
            block[channel * PROJECTED_DIM + k] += w * p[k];
        }
        weight[channel] += w;
    }

    private float[] project(String label) {
        float[] e = labelEmbedder.apply(label);
        float[] out = new float[PROJECTED_DIM];
        for (int i = 0; i < Math.min(e.length, projection.length); i++) {
            for (int k = 0; k < PROJECTED_DIM; k++) {
                out[k] += e[i] * projection[i][k];
            }
        }
        return out;
    }

    private static Map<Integer, ObjectNode> byTrack(VideoGraph graph, int clip) {
        Map<Integer, ObjectNode> nodes = new HashMap<>();
        for (ObjectNode n : graph.clip(clip).graph().vertexSet()) {
            nodes.put(n.trackId(), n);
        }
        return nodes;
    }

    /** A Gaussian matrix scaled by 1/sqrt(P), the same on every run (Johnson-Lindenstrauss). */
    private static float[][] projection(int embeddingDim) {
        Random random = new Random(PROJECTION_SEED);
        float[][] m = new float[embeddingDim][PROJECTED_DIM];
        double scale = 1 / Math.sqrt(PROJECTED_DIM);
        for (float[] row : m) {
            for (int k = 0; k < PROJECTED_DIM; k++) {
                row[k] = (float) (random.nextGaussian() * scale);
            }
        }
        return m;
    }
}
