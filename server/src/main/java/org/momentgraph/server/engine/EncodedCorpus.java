package org.momentgraph.server.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.momentgraph.encoders.inference.EncodedVideo;

/**
 * An immutable snapshot of the encoded corpus that searches read: changes make a new snapshot, so
 * a search sees the corpus before or after a write, never half of it.
 */
record EncodedCorpus(List<EncodedVideo> videos, Map<String, Integer> positions) {

    static final EncodedCorpus EMPTY = of(List.of());

    EncodedCorpus {
        videos = List.copyOf(videos);
        positions = Map.copyOf(positions);
    }

    static EncodedCorpus of(List<EncodedVideo> videos) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < videos.size(); i++) {
            positions.put(videos.get(i).id(), i);
        }
        return new EncodedCorpus(videos, positions);
    }

    int size() {
        return videos.size();
    }

    Optional<EncodedVideo> find(String id) {
        Integer at = positions.get(id);
        return at == null ? Optional.empty() : Optional.of(videos.get(at));
    }

    EncodedCorpus with(EncodedVideo video) {
        List<EncodedVideo> next = new ArrayList<>(without(video.id()).videos);
        next.add(video);
        return of(next);
    }

    EncodedCorpus without(String id) {
        if (!positions.containsKey(id)) {
            return this;
        }
        return of(videos.stream().filter(v -> !v.id().equals(id)).toList());
    }
}
