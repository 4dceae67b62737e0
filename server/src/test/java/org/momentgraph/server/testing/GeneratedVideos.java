package org.momentgraph.server.testing;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.eval.synthetic.SyntheticCorpus;
import org.momentgraph.server.NewVideo;

/** Videos of the tiny demo's generated corpus as {@link NewVideo}s under new ids (real features and detections). */
public final class GeneratedVideos {

    private GeneratedVideos() {
    }

    /** The first {@code n} generated videos, renamed {@code prefix + index}. */
    public static List<NewVideo> first(int n, String prefix) {
        List<NewVideo> out = new ArrayList<>();
        try (SyntheticCorpus corpus = SyntheticCorpus.load(TinyDemo.prepared().corpusDir())) {
            for (int i = 0; i < n; i++) {
                Video v = corpus.videos().get(i).video();
                String id = prefix + i;
                List<FrameDetections> frames = corpus.detectionsByVideo().getOrDefault(v.id(), List.of()).stream()
                        .map(f -> new FrameDetections(id, f.t(), f.objects())).toList();
                out.add(new NewVideo(id, v.duration(), v.clipLength(),
                        VideoStreams.fit(corpus.features().clips(v.id()), v.grid().size()), frames));
            }
        }
        return out;
    }
}
