package org.momentgraph.eval.filter;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.graph.mp.EncodedClip;
import org.momentgraph.graph.mp.GraphBatch;
import org.momentgraph.graph.mp.GraphFilterModel;
import org.momentgraph.graph.mp.PresenceScorer;

/** Scores every clip of some candidate videos for one query. */
@FunctionalInterface
public interface ClipScorer {

    /** One score array per video, in the videos' order, each in grid order. */
    List<float[]> scores(FilterCorpus.QueryEntry query, List<FilterCorpus.VideoEntry> videos);

    /** The object-presence baseline: fraction of query entities among the clip's labels. */
    static ClipScorer presence() {
        return (query, videos) -> {
            List<float[]> out = new ArrayList<>();
            for (FilterCorpus.VideoEntry v : videos) {
                out.add(PresenceScorer.scores(query.encoded(), v.clips()));
            }
            return out;
        };
    }

    /** The graph network: all candidate clips of the query in one batched (chunked) pass. */
    static ClipScorer network(GraphFilterModel model) {
        return (query, videos) -> {
            GraphBatch batch = new GraphBatch(model.config());
            for (FilterCorpus.VideoEntry v : videos) {
                for (EncodedClip c : v.clips()) {
                    batch.add(query.encoded().with(c));
                }
            }
            float[] all = model.score(batch);
            List<float[]> out = new ArrayList<>();
            int offset = 0;
            for (FilterCorpus.VideoEntry v : videos) {
                float[] s = new float[v.clips().size()];
                System.arraycopy(all, offset, s, 0, s.length);
                offset += s.length;
                out.add(s);
            }
            return out;
        };
    }
}
