package org.momentgraph.eval.synthetic;

import java.util.Map;
import java.util.TreeMap;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;

/** What a generated corpus holds: videos and queries per split, events per interaction, difficulties. */
public final class CorpusCounts {

    final Map<String, Long> videosBySplit = new TreeMap<>();
    final Map<String, Long> queriesBySplit = new TreeMap<>();
    final Map<String, Long> difficulty = new TreeMap<>();
    final Map<String, Long> queryType = new TreeMap<>();
    final Map<String, Long> interactions = new TreeMap<>();
    long events;
    long frames;
    long detections;
    long clips;
    long subtitleLines;
    double seconds;

    void add(SyntheticVideo v) {
        videosBySplit.merge(v.split(), 1L, Long::sum);
        for (Query q : v.queries()) {
            queriesBySplit.merge(v.split(), 1L, Long::sum);
            difficulty.merge(q.attributes().get("difficulty"), 1L, Long::sum);
            queryType.merge(q.type(), 1L, Long::sum);
        }
        for (Event e : v.events()) {
            interactions.merge(e.interaction().id(), 1L, Long::sum);
        }
        events += v.events().size();
        frames += v.frames().size();
        for (FrameDetections f : v.frames()) {
            detections += f.objects().size();
        }
        clips += v.features().length;
        subtitleLines += v.subtitles().size();
        seconds += v.video().duration();
    }

    public long videos() {
        return videosBySplit.values().stream().mapToLong(Long::longValue).sum();
    }

    public long queries() {
        return queriesBySplit.values().stream().mapToLong(Long::longValue).sum();
    }

    public long events() {
        return events;
    }

    public long detections() {
        return detections;
    }

    public long clips() {
        return clips;
    }

    /** Queries per difficulty tag, in tag order. */
    public Map<String, Long> difficulty() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(difficulty));
    }
}
