package org.momentgraph.encoders.data;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;
import org.momentgraph.graph.relation.RelationType;
import org.momentgraph.graph.video.ClipGraph;
import org.momentgraph.graph.video.ClipGraphFeatures;
import org.momentgraph.graph.video.ObjectNode;
import org.momentgraph.graph.video.VideoGraph;
import org.momentgraph.graph.video.VideoGraphBuilder;

/**
 * The graph stream of a video from its detections: the video's relation graph is built
 * ({@link VideoGraphBuilder}: tracking, clip nodes, relations) and each clip becomes
 * {@code [label bag | graph counts]}:
 * <ul>
 * <li>{@code [0, E)}: the label embeddings of the clip's object nodes summed, scaled to unit length
 *     (E = the label embedder's width, 384 for MiniLM);</li>
 * <li>{@code [E, E + C)}: {@code ln(1 + x)} of {@link ClipGraphFeatures#vector} with no label
 *     vocabulary: nodes, edges, nodes, edges per {@link RelationType}, and (subject, relation,
 *     object) triples hashed into {@link #TRIPLE_BUCKETS} slots;</li>
 * <li>{@code [E + C, E + C + I)}: the {@link InteractionBags} block: which objects take part in
 *     which relation and which motion, per channel, centred on the video's mean.</li>
 * </ul>
 * Not the object stream ({@link DetectionObjectStream}, built by {@link ObjectStreamBuilder}): both
 * read a clip's detections, but this one reads them through the relation graph (tracked object nodes,
 * each counted once per clip, relation and triple counts), the object stream reads the raw boxes
 * (labels weighted by frame share and detection score, box geometry, characters). Both pool their
 * labels with {@link PooledLabels}. Saved models record this layout (train.json's relation vocabulary
 * and triple buckets). Thread-safe when the label embedder is.
 */
public final class GraphStreamBuilder {

    /** Hash slots for (subject label, relation, object label) triples. */
    public static final int TRIPLE_BUCKETS = 32;

    private final VideoGraphBuilder graphs;
    private final Function<String, float[]> labelEmbedder;
    private final int embeddingDim;
    private final InteractionBags interactions;

    public GraphStreamBuilder(Function<String, float[]> labelEmbedder) {
        this(VideoGraphBuilder.builder().build(), labelEmbedder);
    }

    public GraphStreamBuilder(VideoGraphBuilder graphs, Function<String, float[]> labelEmbedder) {
        this.graphs = graphs;
        this.labelEmbedder = labelEmbedder;
        this.embeddingDim = labelEmbedder.apply("object").length;
        this.interactions = new InteractionBags(labelEmbedder, embeddingDim);
    }

    /** Width of a clip row. */
    public int dim() {
        return embeddingDim + countDim() + InteractionBags.dim();
    }

    /** The relation vocabulary the count block follows, in order (stored in train.json). */
    public static List<String> relationVocabulary() {
        return Arrays.stream(RelationType.values()).map(RelationType::key).toList();
    }

    /** {@code [grid clips][dim()]}; a video without detections gets zero rows. */
    public float[][] clips(Video video, List<FrameDetections> frames) {
        int clips = video.grid().size();
        float[][] rows = new float[clips][dim()];
        if (frames == null || frames.isEmpty()) {
            return rows;
        }
        VideoGraph graph = graphs.build(video, frames);
        for (ClipGraph clip : graph.clips()) {
            if (clip.clipIndex() >= clips) {
                continue;
            }
            float[] row = rows[clip.clipIndex()];
            PooledLabels labels = new PooledLabels(labelEmbedder, embeddingDim);
            for (ObjectNode node : clip.graph().vertexSet()) {
                labels.add(node.label(), 1);
            }
            labels.writeUnit(row);
            float[] counts = clip.features().vector(List.of(), TRIPLE_BUCKETS);
            for (int k = 0; k < counts.length; k++) {
                row[embeddingDim + k] = (float) Math.log1p(counts[k]);
            }
            interactions.fill(graph, clip.clipIndex(), row, embeddingDim + counts.length);
        }
        centerInteractions(rows);
        return rows;
    }

    /**
     * Subtracts each interaction column's mean over the video's clips. Why: static relations (the cup
     * left of the sofa all video long) fill the block with a per-video constant that the layer norm
     * after the projection lets drown the few clips where something happens; centred, a clip shows
     * how it differs from the rest of its video, which is what localisation needs. The label bag and
     * counts stay absolute: video retrieval needs to know what is there at all.
     */
    private static void centerInteractions(float[][] rows) {
        if (rows.length == 0) {
            return;
        }
        int from = rows[0].length - InteractionBags.dim();
        for (int k = from; k < rows[0].length; k++) {
            double mean = 0;
            for (float[] row : rows) {
                mean += row[k];
            }
            mean /= rows.length;
            for (float[] row : rows) {
                row[k] -= (float) mean;
            }
        }
    }

    private static int countDim() {
        return new ClipGraphFeatures(0, 0, java.util.Map.of(), java.util.Map.of(), java.util.Map.of())
                .vector(List.of(), TRIPLE_BUCKETS).length;
    }
}
