package org.momentgraph.graph.mp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A toy world where object presence cannot tell clips apart: every candidate clip of a query holds
 * the same two objects, and only the relation between them (the predicate) differs. The network
 * must learn to read relation edges through predicate query nodes.
 */
class GraphFilterModelTest {

    private static final int LABELS = 8;
    private static final int RELATIONS = 5;
    private static final int DIM = 16;
    private static final GraphNetworkConfig CONFIG = new GraphNetworkConfig(DIM + 2, RELATIONS, DIM, 3, 32, 2, 4f);

    private final Random random = new Random(7);
    private final float[][] labelVectors = randomVectors(LABELS);
    private final float[][] predicateVectors = randomVectors(RELATIONS);

    @Test
    void learnsToSeparateInteractionDistractorsFromTheTrueInteraction(@TempDir Path dir) {
        try (GraphFilterModel model = GraphFilterModel.create(CONFIG, 11)) {
            float first = 0;
            float last = 0;
            for (int step = 0; step < 200; step++) {
                List<GraphFilterModel.Group> groups = new ArrayList<>();
                for (int g = 0; g < 8; g++) {
                    groups.add(group());
                }
                float loss = model.trainStep(groups, 1e-2f);
                if (!Float.isFinite(loss)) {
                    continue; // a skipped step (see GraphFilterModel#skippedSteps); counted below
                }
                if (step < 5) {
                    first += loss / 5;
                }
                if (step >= 195) {
                    last += loss / 5;
                }
            }
            assertThat(last).isLessThan(first * 0.6f);
            assertThat(model.skippedSteps()).isLessThan(20);
            double accuracy = interactionAccuracy(model);
            assertThat(accuracy).isGreaterThan(0.9);

            model.save(dir, "filter");
            try (GraphFilterModel loaded = GraphFilterModel.load(dir, "filter")) {
                GraphBatch probe = batch(group());
                assertThat(loaded.score(probe)).containsExactly(model.score(probe));
            }
        }
    }

    @Test
    void aSnapshotRestoresTheScoresOfItsStep() {
        try (GraphFilterModel model = GraphFilterModel.create(CONFIG, 5)) {
            GraphBatch probe = batch(group());
            for (int step = 0; step < 20; step++) {
                model.trainStep(List.of(group(), group(), group(), group()), 1e-2f);
            }
            float[] before = model.score(probe);

            byte[] snapshot = model.snapshot();
            for (int step = 0; step < 20; step++) {
                model.trainStep(List.of(group(), group(), group(), group()), 1e-2f);
            }
            assertThat(model.score(probe)).isNotEqualTo(before);
            model.restore(snapshot);
            assertThat(model.score(probe)).containsExactly(before);
            // and training goes on from the restored parameters
            model.trainStep(List.of(group(), group(), group(), group()), 1e-2f);
            assertThat(model.score(probe)).isNotEqualTo(before);
        }
    }

    @Test
    void explanationExposesObjectSupportAndRelationEvidence() {
        try (GraphFilterModel model = GraphFilterModel.create(CONFIG, 3)) {
            GraphBatch batch = batch(group());
            long[] shape = model.explain(batch, s -> s.tripleScore().getShape().getShape());
            assertThat(shape).containsExactly(3, 3, 3, 3);
            float[] support = model.explain(batch, s -> s.objectSupport().toFloatArray());
            for (float v : support) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    /** Fraction of held-out queries whose true-interaction clip outscores its same-objects distractor. */
    private double interactionAccuracy(GraphFilterModel model) {
        int total = 200;
        GraphBatch all = new GraphBatch(CONFIG);
        for (int i = 0; i < total; i++) {
            group().clips().forEach(all::add);
        }
        float[] scores = model.score(all);
        int wins = 0;
        for (int i = 0; i < total; i++) {
            if (scores[3 * i] > scores[3 * i + 1]) {
                wins++;
            }
        }
        return wins / (double) total;
    }

    private static GraphBatch batch(GraphFilterModel.Group group) {
        GraphBatch batch = new GraphBatch(CONFIG);
        group.clips().forEach(batch::add);
        return batch;
    }

    /** Clip 0: subject -r-> object (the answer); clip 1: same objects, another relation; clip 2: other objects, r. */
    private GraphFilterModel.Group group() {
        int subject = random.nextInt(LABELS);
        int object = (subject + 1 + random.nextInt(LABELS - 1)) % LABELS;
        int relation = random.nextInt(RELATIONS);
        int wrongRelation = (relation + 1 + random.nextInt(RELATIONS - 1)) % RELATIONS;
        int other = (object + 1) % LABELS == subject ? (object + 2) % LABELS : (object + 1) % LABELS;
        float[][] query = {noisy(labelVectors[subject]), noisy(predicateVectors[relation]), noisy(labelVectors[object])};
        int[] kinds = {RelationalGraphNetwork.KIND_ENTITY, RelationalGraphNetwork.KIND_PREDICATE, RelationalGraphNetwork.KIND_ENTITY};
        boolean[][] adjacency = {{false, true, false}, {false, false, true}, {false, false, false}};
        List<GraphBatch.Pair> clips = List.of(
                new GraphBatch.Pair(nodes(subject, object, other), edges(relation), query, kinds, adjacency),
                new GraphBatch.Pair(nodes(subject, object, other), edges(wrongRelation), query, kinds, adjacency),
                new GraphBatch.Pair(nodes(other, (other + 3) % LABELS, subject), edges(relation), query, kinds, adjacency));
        return new GraphFilterModel.Group(clips, new float[] {1, 0, 0});
    }

    private float[][] nodes(int... labels) {
        float[][] nodes = new float[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            nodes[i] = new float[DIM + 2];
            System.arraycopy(noisy(labelVectors[labels[i]]), 0, nodes[i], 0, DIM);
            nodes[i][DIM] = random.nextFloat();
            nodes[i][DIM + 1] = random.nextFloat();
        }
        return nodes;
    }

    /** Node 0 relates to node 1 by the given relation; node 2 is "near" node 0 as clutter. */
    private float[][][] edges(int relation) {
        float[][][] edges = new float[3][3][];
        edges[0][1] = oneHot(relation);
        edges[1][0] = oneHot(relation);
        edges[0][2] = oneHot(0);
        return edges;
    }

    private static float[] oneHot(int index) {
        float[] v = new float[RELATIONS];
        v[index] = 1;
        return v;
    }

    private float[][] randomVectors(int count) {
        float[][] vectors = new float[count][DIM];
        for (float[] v : vectors) {
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) random.nextGaussian();
            }
        }
        return vectors;
    }

    private float[] noisy(float[] v) {
        float[] copy = v.clone();
        for (int d = 0; d < copy.length; d++) {
            copy[d] += (float) (0.1 * random.nextGaussian());
        }
        return copy;
    }
}
