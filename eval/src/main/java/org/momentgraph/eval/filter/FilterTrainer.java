package org.momentgraph.eval.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.momentgraph.graph.mp.EncodedClip;
import org.momentgraph.graph.mp.GraphBatch;
import org.momentgraph.graph.mp.GraphFilterModel;

/**
 * Trains the graph filter with the clip-level objective: each query's group holds clips inside its
 * moment (positives), clips of the same video outside it, and clips of other training videos
 * (negatives across videos). Clips without objects carry no graph evidence, so they are left out
 * of groups; a query whose moment has no object clip is skipped.
 *
 * <p>Given held-out queries, training stops early: every {@code validateEvery} steps the filter ranks
 * fixed groups of those queries' clips, and after {@code patience} checks without a better ranking the
 * parameters of the best check are put back. The ranking is measured as the search uses the filter, by
 * the share of (inside, outside) clip pairs of a group ordered correctly (AUC), not by the objective,
 * whose calibration term rises on held-out queries while the ranking still improves. How many steps a
 * filter needs depends on how many training queries there are; a fixed count under-trains a large set
 * (300 steps were 1.5 epochs of the synthetic benchmark's 1,600 queries) or over-fits a small one.
 *
 * @param steps           optimiser steps (the most, with held-out queries)
 * @param queriesPerStep  groups per step
 * @param positives       at most this many positive clips per group
 * @param ownNegatives    same-video negatives per group
 * @param otherNegatives  other-video negatives per group
 * @param learningRate    Adam learning rate
 * @param seed            sampling seed
 * @param validateEvery   steps between held-out checks
 * @param patience        held-out checks without a new best before stopping
 */
public record FilterTrainer(int steps, int queriesPerStep, int positives, int ownNegatives, int otherNegatives,
        float learningRate, long seed, int validateEvery, int patience) {

    /**
     * The default most steps: with early stopping, more than any data set here needed (the synthetic
     * benchmark's 1,600 training queries kept step 3,700; TVR folds of about 640 kept 300 to 500).
     */
    public static final int MAX_STEPS = 6000;

    /** Held-out queries measured per check, at most (a fixed sample). */
    private static final int VALIDATION_QUERIES = 256;

    public FilterTrainer {
        if (steps < 1 || queriesPerStep < 1 || validateEvery < 1 || patience < 1) {
            throw new IllegalArgumentException("need steps, queriesPerStep, validateEvery and patience >= 1");
        }
    }

    public FilterTrainer(int steps, int queriesPerStep, int positives, int ownNegatives, int otherNegatives,
            float learningRate, long seed) {
        this(steps, queriesPerStep, positives, ownNegatives, otherNegatives, learningRate, seed, 100, 5);
    }

    public static FilterTrainer defaults(int steps) {
        return new FilterTrainer(steps, 8, 3, 6, 6, 5e-3f, 17);
    }

    /**
     * What a run did: the loss of every step taken, the held-out AUC of every check (empty without
     * held-out queries), and the step whose parameters the model holds (the last, or the best check's).
     */
    public record Outcome(float[] losses, float[] heldOutAuc, int keptStep) {
    }

    /** Trains {@code model} in place for {@code steps} steps; returns the loss of every step. */
    public float[] train(GraphFilterModel model, List<FilterCorpus.QueryEntry> queries,
            List<FilterCorpus.VideoEntry> videos) {
        return train(model, queries, videos, List.of(), List.of()).losses();
    }

    /**
     * Trains {@code model} in place, stopping early on {@code heldOut} queries (of {@code heldOutVideos})
     * when there are any with an object clip in their moment.
     */
    public Outcome train(GraphFilterModel model, List<FilterCorpus.QueryEntry> queries,
            List<FilterCorpus.VideoEntry> videos, List<FilterCorpus.QueryEntry> heldOut,
            List<FilterCorpus.VideoEntry> heldOutVideos) {
        Random random = new Random(seed);
        List<FilterCorpus.QueryEntry> usable = usable(queries, videos);
        List<EncodedClip[]> otherPool = objectClips(videos);
        List<GraphFilterModel.Group> validation = validationGroups(heldOut, heldOutVideos);
        float[] losses = new float[usable.isEmpty() ? 0 : steps];
        List<Float> checks = new ArrayList<>();
        float best = Float.NEGATIVE_INFINITY;
        byte[] bestParameters = null;
        int bestStep = 0;
        int taken = 0;
        while (taken < losses.length) {
            List<GraphFilterModel.Group> groups = new ArrayList<>();
            for (int g = 0; g < queriesPerStep; g++) {
                FilterCorpus.QueryEntry q = usable.get(random.nextInt(usable.size()));
                groups.add(group(q, find(videos, q.query().videoId()), otherPool, random));
            }
            losses[taken++] = model.trainStep(groups, learningRate);
            if (!validation.isEmpty() && (taken % validateEvery == 0 || taken == losses.length)) {
                float auc = heldOutAuc(model, validation);
                checks.add(auc);
                if (auc > best) {
                    best = auc;
                    bestStep = taken;
                    bestParameters = model.snapshot();
                } else if ((taken - bestStep) / validateEvery >= patience) {
                    break;
                }
            }
        }
        if (bestParameters != null && bestStep != taken) {
            model.restore(bestParameters);
        }
        float[] heldOutAuc = new float[checks.size()];
        for (int i = 0; i < heldOutAuc.length; i++) {
            heldOutAuc[i] = checks.get(i);
        }
        return new Outcome(Arrays.copyOf(losses, taken), heldOutAuc, bestParameters != null ? bestStep : taken);
    }

    /**
     * Trains {@code model} in place, stopping early on the queries of every tenth video (in list order),
     * which it then does not train on: for data without a held-out split of its own.
     */
    public Outcome trainHoldingOutVideos(GraphFilterModel model, List<FilterCorpus.QueryEntry> queries,
            List<FilterCorpus.VideoEntry> videos) {
        HeldOutSplit split = HeldOutSplit.everyTenthVideo(queries, videos);
        return train(model, split.trainQueries(), split.trainVideos(), split.heldOutQueries(), split.heldOutVideos());
    }

    /** Training and held-out queries with their videos; no video is on both sides. */
    public record HeldOutSplit(List<FilterCorpus.QueryEntry> trainQueries, List<FilterCorpus.VideoEntry> trainVideos,
            List<FilterCorpus.QueryEntry> heldOutQueries, List<FilterCorpus.VideoEntry> heldOutVideos) {

        /** Every tenth video (the 10th, 20th, ... in list order) and its queries held out. */
        public static HeldOutSplit everyTenthVideo(List<FilterCorpus.QueryEntry> queries,
                List<FilterCorpus.VideoEntry> videos) {
            List<FilterCorpus.VideoEntry> kept = new ArrayList<>();
            List<FilterCorpus.VideoEntry> heldOut = new ArrayList<>();
            for (int i = 0; i < videos.size(); i++) {
                (i % 10 == 9 ? heldOut : kept).add(videos.get(i));
            }
            Set<String> heldOutIds = new HashSet<>();
            heldOut.forEach(v -> heldOutIds.add(v.video().id()));
            List<FilterCorpus.QueryEntry> trainQueries = new ArrayList<>();
            List<FilterCorpus.QueryEntry> heldOutQueries = new ArrayList<>();
            for (FilterCorpus.QueryEntry q : queries) {
                (heldOutIds.contains(q.query().videoId()) ? heldOutQueries : trainQueries).add(q);
            }
            return new HeldOutSplit(trainQueries, kept, heldOutQueries, heldOut);
        }
    }

    /**
     * The held-out AUC that early stopping reads, of {@code model} as it is now: the same fixed groups of
     * {@code heldOut} queries that {@link #train} checks with.
     */
    public float heldOutAuc(GraphFilterModel model, List<FilterCorpus.QueryEntry> heldOut,
            List<FilterCorpus.VideoEntry> heldOutVideos) {
        List<GraphFilterModel.Group> groups = validationGroups(heldOut, heldOutVideos);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no held-out query has an object clip inside and outside its moment");
        }
        return heldOutAuc(model, groups);
    }

    /**
     * Fixed groups of up to {@link #VALIDATION_QUERIES} held-out queries with a positive and a negative clip,
     * negatives from the held-out videos.
     */
    private List<GraphFilterModel.Group> validationGroups(List<FilterCorpus.QueryEntry> heldOut,
            List<FilterCorpus.VideoEntry> heldOutVideos) {
        Random random = new Random(seed + 1);
        List<FilterCorpus.QueryEntry> usable = new ArrayList<>(usable(heldOut, heldOutVideos));
        Collections.shuffle(usable, random);
        List<EncodedClip[]> pool = objectClips(heldOutVideos);
        List<GraphFilterModel.Group> groups = new ArrayList<>();
        for (FilterCorpus.QueryEntry q : usable) {
            GraphFilterModel.Group g = group(q, find(heldOutVideos, q.query().videoId()), pool, random);
            boolean hasNegative = false;
            for (float label : g.labels()) {
                hasNegative |= label == 0;
            }
            if (hasNegative && groups.size() < VALIDATION_QUERIES) {
                groups.add(g); // a group without a negative orders no pair
            }
        }
        return groups;
    }

    /** The mean over groups of the share of (positive, negative) clip pairs scored in order (ties count half). */
    private static float heldOutAuc(GraphFilterModel model, List<GraphFilterModel.Group> groups) {
        GraphBatch batch = new GraphBatch(model.config());
        groups.forEach(g -> g.clips().forEach(batch::add));
        float[] scores = model.score(batch);
        double sum = 0;
        int counted = 0;
        int offset = 0;
        for (GraphFilterModel.Group g : groups) {
            float[] labels = g.labels();
            long ordered = 0;
            long pairs = 0;
            for (int i = 0; i < labels.length; i++) {
                for (int j = 0; j < labels.length; j++) {
                    if (labels[i] > 0 && labels[j] == 0) {
                        float a = scores[offset + i];
                        float b = scores[offset + j];
                        ordered += a > b ? 2 : a == b ? 1 : 0;
                        pairs += 2;
                    }
                }
            }
            if (pairs > 0) {
                sum += ordered / (double) pairs;
                counted++;
            }
            offset += labels.length;
        }
        return (float) (sum / counted); // every validation group has a pair
    }

    /** Queries whose moment holds a clip with detected objects (the others give the objective nothing). */
    private static List<FilterCorpus.QueryEntry> usable(List<FilterCorpus.QueryEntry> queries,
            List<FilterCorpus.VideoEntry> videos) {
        List<FilterCorpus.QueryEntry> usable = new ArrayList<>();
        for (FilterCorpus.QueryEntry q : queries) {
            FilterCorpus.VideoEntry v = find(videos, q.query().videoId());
            if (v != null && q.groundTruth().stream().anyMatch(c -> c < v.clips().size() && v.clips().get(c).size() > 0)) {
                usable.add(q);
            }
        }
        return usable;
    }

    private static List<EncodedClip[]> objectClips(List<FilterCorpus.VideoEntry> videos) {
        List<EncodedClip[]> pool = new ArrayList<>();
        for (FilterCorpus.VideoEntry v : videos) {
            for (EncodedClip c : v.clips()) {
                if (c.size() > 0) {
                    pool.add(new EncodedClip[] {c});
                }
            }
        }
        return pool;
    }

    private GraphFilterModel.Group group(FilterCorpus.QueryEntry q, FilterCorpus.VideoEntry own,
            List<EncodedClip[]> otherPool, Random random) {
        List<EncodedClip> pos = new ArrayList<>();
        List<EncodedClip> neg = new ArrayList<>();
        for (EncodedClip c : own.clips()) {
            if (c.size() > 0) {
                (q.groundTruth().contains(c.clipIndex()) ? pos : neg).add(c);
            }
        }
        Collections.shuffle(pos, random);
        Collections.shuffle(neg, random);
        List<GraphBatch.Pair> clips = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        for (EncodedClip c : pos.subList(0, Math.min(positives, pos.size()))) {
            clips.add(q.encoded().with(c));
            labels.add(1f);
        }
        for (EncodedClip c : neg.subList(0, Math.min(ownNegatives, neg.size()))) {
            clips.add(q.encoded().with(c));
            labels.add(0f);
        }
        for (int i = 0; i < otherNegatives && !otherPool.isEmpty(); i++) {
            EncodedClip c = otherPool.get(random.nextInt(otherPool.size()))[0];
            if (!own.clips().contains(c)) {
                clips.add(q.encoded().with(c));
                labels.add(0f);
            }
        }
        float[] l = new float[labels.size()];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels.get(i);
        }
        return new GraphFilterModel.Group(clips, l);
    }

    private static FilterCorpus.VideoEntry find(List<FilterCorpus.VideoEntry> videos, String id) {
        for (FilterCorpus.VideoEntry v : videos) {
            if (v.video().id().equals(id)) {
                return v;
            }
        }
        return null;
    }
}
