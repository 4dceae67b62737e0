package org.momentgraph.eval.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.momentgraph.graph.mp.EncodedClip;
import org.momentgraph.graph.mp.GraphBatch;
import org.momentgraph.graph.mp.GraphFilterModel;

/**
 * Trains the graph filter with the clip-level objective: each query's group holds clips inside its
 * moment (positives), clips of the same video outside it, and clips of other training videos
 * (negatives across videos). Clips without objects carry no graph evidence, so they are left out
 * of groups; a query whose moment has no object clip is skipped.
 *
 * @param steps           optimiser steps
 * @param queriesPerStep  groups per step
 * @param positives       at most this many positive clips per group
 * @param ownNegatives    same-video negatives per group
 * @param otherNegatives  other-video negatives per group
 * @param learningRate    Adam learning rate
 * @param seed            sampling seed
 */
public record FilterTrainer(int steps, int queriesPerStep, int positives, int ownNegatives, int otherNegatives,
        float learningRate, long seed) {

    public static FilterTrainer defaults(int steps) {
        return new FilterTrainer(steps, 8, 3, 6, 6, 5e-3f, 17);
    }

    /** Trains {@code model} in place; returns the loss of every step. */
    public float[] train(GraphFilterModel model, List<FilterCorpus.QueryEntry> queries,
            List<FilterCorpus.VideoEntry> videos) {
        Random random = new Random(seed);
        List<FilterCorpus.QueryEntry> usable = new ArrayList<>();
        for (FilterCorpus.QueryEntry q : queries) {
            FilterCorpus.VideoEntry v = find(videos, q.query().videoId());
            if (v != null && q.groundTruth().stream().anyMatch(c -> c < v.clips().size() && v.clips().get(c).size() > 0)) {
                usable.add(q);
            }
        }
        List<EncodedClip[]> otherPool = new ArrayList<>();
        for (FilterCorpus.VideoEntry v : videos) {
            for (EncodedClip c : v.clips()) {
                if (c.size() > 0) {
                    otherPool.add(new EncodedClip[] {c});
                }
            }
        }
        float[] losses = new float[usable.isEmpty() ? 0 : steps];
        for (int step = 0; step < losses.length; step++) {
            List<GraphFilterModel.Group> groups = new ArrayList<>();
            for (int g = 0; g < queriesPerStep; g++) {
                FilterCorpus.QueryEntry q = usable.get(random.nextInt(usable.size()));
                groups.add(group(q, find(videos, q.query().videoId()), otherPool, random));
            }
            losses[step] = model.trainStep(groups, learningRate);
        }
        return losses;
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
