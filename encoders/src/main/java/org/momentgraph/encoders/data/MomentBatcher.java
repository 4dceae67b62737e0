package org.momentgraph.encoders.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.momentgraph.encoders.model.Stream;

/**
 * Cuts a split into padded paired batches. The order of an epoch depends only on (seed, epoch), so a
 * resumed run sees the same batches as an uninterrupted one. A batch never holds two queries of the
 * same video (a second one would be a false in-batch negative for the video losses); such queries
 * wait for the next batch; a query left alone at the end of an epoch (every other one was of its
 * video) is skipped that epoch, as a batch of one has no negative. Videos longer than {@code maxClips} are cut to a window of
 * {@code maxClips} clips that contains the moment at a random position, bounding memory and
 * attention cost; a moment longer than the window is cut at its end.
 */
public final class MomentBatcher {

    private final Map<String, VideoStreams> videos;
    private final List<Stream> streams;
    private final int batchSize;
    private final int maxClips;
    private final long seed;

    public MomentBatcher(Map<String, VideoStreams> videos, List<Stream> streams, int batchSize, int maxClips,
            long seed) {
        if (batchSize < 1 || maxClips < 1) {
            throw new IllegalArgumentException("need batchSize >= 1 and maxClips >= 1, got " + batchSize + ", "
                    + maxClips);
        }
        this.videos = videos;
        this.streams = List.copyOf(streams);
        this.batchSize = batchSize;
        this.maxClips = maxClips;
        this.seed = seed;
    }

    /** Number of batches an epoch over {@code examples} has (without building them). */
    public int batchCount(List<MomentExample> examples) {
        return epochGroups(examples, 0).size();
    }

    /** The shuffled, video-distinct groups of epoch {@code epoch}. */
    public List<List<MomentExample>> epochGroups(List<MomentExample> examples, int epoch) {
        List<MomentExample> order = new ArrayList<>(examples);
        Collections.shuffle(order, new Random(mix(seed, epoch, 0)));
        List<List<MomentExample>> groups = new ArrayList<>();
        Deque<MomentExample> waiting = new ArrayDeque<>();
        Iterator<MomentExample> fresh = order.iterator();
        while (fresh.hasNext() || !waiting.isEmpty()) {
            List<MomentExample> group = new ArrayList<>(batchSize);
            Set<String> seen = new HashSet<>();
            int pending = waiting.size();
            for (int i = 0; i < pending && group.size() < batchSize; i++) {
                MomentExample e = waiting.poll();
                if (seen.add(e.videoId())) {
                    group.add(e);
                } else {
                    waiting.add(e);
                }
            }
            while (fresh.hasNext() && group.size() < batchSize) {
                MomentExample e = fresh.next();
                if (seen.add(e.videoId())) {
                    group.add(e);
                } else {
                    waiting.add(e);
                }
            }
            if (group.size() >= 2) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** The batches of one epoch, built lazily one at a time. */
    public Iterable<PairedBatch> epoch(List<MomentExample> examples, int epoch) {
        List<List<MomentExample>> groups = epochGroups(examples, epoch);
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < groups.size();
            }

            @Override
            public PairedBatch next() {
                int index = next++;
                return batch(groups.get(index), new Random(mix(seed, epoch, index + 1)));
            }
        };
    }

    /** Pads a group into a batch; windows of long videos are drawn from {@code random}. */
    public PairedBatch batch(List<MomentExample> group, Random random) {
        int b = group.size();
        int[] from = new int[b];
        int[] to = new int[b];
        int tokens = 0;
        int clips = 0;
        for (int i = 0; i < b; i++) {
            MomentExample e = group.get(i);
            int length = video(e).length();
            int[] window = window(length, e.startClip(), Math.min(e.endClip(), length - 1), random);
            from[i] = window[0];
            to[i] = window[1];
            tokens = Math.max(tokens, e.tokenCount());
            clips = Math.max(clips, to[i] - from[i]);
        }
        int queryDim = group.get(0).queryTokens()[0].length;
        float[] queryTokens = new float[b * tokens * queryDim];
        float[] queryMask = new float[b * tokens];
        float[] clipMask = new float[b * clips];
        int[] dims = new int[streams.size()];
        List<float[]> streamArrays = new ArrayList<>(streams.size());
        for (int s = 0; s < streams.size(); s++) {
            dims[s] = video(group.get(0)).dim(streams.get(s));
            streamArrays.add(new float[b * clips * dims[s]]);
        }
        int[] start = new int[b];
        int[] end = new int[b];
        for (int i = 0; i < b; i++) {
            MomentExample e = group.get(i);
            float[][] q = e.queryTokens();
            for (int t = 0; t < q.length; t++) {
                System.arraycopy(q[t], 0, queryTokens, (i * tokens + t) * queryDim, queryDim);
                queryMask[i * tokens + t] = 1f;
            }
            VideoStreams v = video(e);
            List<float[][]> rows = v.streams(streams);
            for (int c = from[i]; c < to[i]; c++) {
                int row = i * clips + (c - from[i]);
                clipMask[row] = 1f;
                for (int s = 0; s < streams.size(); s++) {
                    System.arraycopy(rows.get(s)[c], 0, streamArrays.get(s), row * dims[s], dims[s]);
                }
            }
            start[i] = Math.min(e.startClip(), to[i] - 1) - from[i];
            end[i] = Math.min(e.endClip(), to[i] - 1) - from[i];
        }
        return new PairedBatch(List.copyOf(group), tokens, clips, queryDim, queryTokens, queryMask, streamArrays, dims,
                clipMask, start, end, from);
    }

    /** [from, to) of at most maxClips clips containing start (and end when it fits), at a random offset. */
    int[] window(int length, int start, int end, Random random) {
        if (length <= maxClips) {
            return new int[] {0, length};
        }
        int lowest = Math.max(0, end - maxClips + 1);
        int highest = Math.min(start, length - maxClips);
        int from = lowest > highest ? start : lowest + random.nextInt(highest - lowest + 1);
        from = Math.min(from, length - maxClips);
        return new int[] {from, from + maxClips};
    }

    private VideoStreams video(MomentExample e) {
        VideoStreams v = videos.get(e.videoId());
        if (v == null) {
            throw new IllegalArgumentException("query " + e.queryId() + ": no streams for video " + e.videoId());
        }
        return v;
    }

    private static long mix(long seed, int epoch, int index) {
        long h = seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + index * 0x165667B19E3779F9L;
        return h ^ (h >>> 29);
    }
}
