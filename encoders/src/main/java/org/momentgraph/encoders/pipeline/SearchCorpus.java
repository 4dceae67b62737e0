package org.momentgraph.encoders.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.SearchHit;
import org.momentgraph.encoders.index.VideoSearch;
import org.momentgraph.encoders.index.VideoSearches;
import org.momentgraph.encoders.inference.EncodedVideo;

/**
 * The encoded videos a pipeline searches, held in memory (O(corpus) heap: every clip state), plus,
 * for an index of at least the HNSW threshold, the index's approximate search used to pre-select
 * VR candidates. Immutable after construction.
 */
final class SearchCorpus implements AutoCloseable {

    private final List<EncodedVideo> videos;
    private final Map<String, Integer> positions = new HashMap<>();
    private final VideoSearch approximate;
    private final int streams;
    private final int hidden;

    private SearchCorpus(List<EncodedVideo> videos, VideoSearch approximate, int streams, int hidden) {
        this.videos = List.copyOf(videos);
        this.approximate = approximate;
        this.streams = streams;
        this.hidden = hidden;
        for (int i = 0; i < this.videos.size(); i++) {
            if (positions.put(this.videos.get(i).id(), i) != null) {
                throw new IllegalArgumentException("video " + this.videos.get(i).id() + " is twice in the corpus");
            }
        }
    }

    static SearchCorpus of(List<EncodedVideo> videos, int streams, int hidden) {
        for (EncodedVideo v : videos) {
            if (v.streams() != streams || v.hidden() != hidden) {
                throw new IllegalArgumentException("video " + v.id() + " was encoded with S=" + v.streams() + ", H="
                        + v.hidden() + "; the model has S=" + streams + ", H=" + hidden);
            }
        }
        return new SearchCorpus(videos, null, streams, hidden);
    }

    /** Reads every video of {@code index}; the index must stay open while HNSW pre-selection is in use. */
    static SearchCorpus of(CorpusIndex index, int streams, int hidden, int hnswThreshold) {
        if (index.dim() != streams * hidden) {
            throw new IllegalArgumentException("index " + index.directory() + " holds " + index.dim()
                    + "-dimensional vectors; this model's clip vectors have " + streams * hidden
                    + " (S=" + streams + " x H=" + hidden + "): re-encode the corpus with this model");
        }
        List<EncodedVideo> videos = new ArrayList<>(index.size());
        for (int ord = 0; ord < index.size(); ord++) {
            videos.add(EncodedVideo.fromVectors(index.video(ord).video(), streams, hidden, index.videoVector(ord),
                    index.clipVectors(ord)));
        }
        VideoSearch approximate = index.size() >= hnswThreshold ? VideoSearches.forIndex(index, hnswThreshold) : null;
        return new SearchCorpus(videos, approximate, streams, hidden);
    }

    int size() {
        return videos.size();
    }

    EncodedVideo get(int position) {
        return videos.get(position);
    }

    List<EncodedVideo> all() {
        return videos;
    }

    /** Position of a video, or -1. */
    int positionOf(String videoId) {
        return positions.getOrDefault(videoId, -1);
    }

    boolean approximate() {
        return approximate != null;
    }

    /**
     * Positions of the {@code n} videos whose summaries best match the query's stream queries weighted by
     * its stream weights (a dot-product proxy of the model's score, which HNSW can index).
     */
    List<Integer> preselect(float[] queryVector, int n) {
        float[] proxy = new float[streams * hidden];
        for (int s = 0; s < streams; s++) {
            float w = queryVector[streams * hidden + s];
            for (int h = 0; h < hidden; h++) {
                proxy[s * hidden + h] = queryVector[s * hidden + h] * w;
            }
        }
        List<Integer> out = new ArrayList<>(n);
        for (SearchHit hit : approximate.search(proxy, n)) {
            out.add(positions.get(hit.videoId()));
        }
        return out;
    }

    @Override
    public void close() {
        if (approximate != null) {
            approximate.close();
        }
    }
}
