package org.momentgraph.eval.experiments;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.DetectionObjectStream;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.text.TokenStates;
import org.momentgraph.eval.tvr.EpisodeFold;
import org.momentgraph.eval.tvr.EpisodeFolds;
import org.momentgraph.eval.tvr.TvrTvqaPlusDataset;

/**
 * TVR/TVQA+ as model input. TVR has no visual features here, so the per-clip object stream of the
 * TVQA+ boxes (pooled MiniLM label embeddings + box geometry, {@link DetectionObjectStream}) is the
 * model's one video stream (in the visual slot; train.json names it "objects"); no subtitles. The
 * VR/VCMR corpus of every fold is all clips of the box file. Streams and query tokens are computed
 * once and shared by all folds.
 */
public final class TvrData {

    private final TvrTvqaPlusDataset data;
    private final Map<String, VideoStreams> videos = new LinkedHashMap<>();
    private final Map<String, List<SortedMap<String, Integer>>> bags = new LinkedHashMap<>();
    private final Map<String, List<FrameDetections>> detections = new LinkedHashMap<>();
    private final Map<String, float[][]> tokens = new HashMap<>();

    public TvrData(TvrTvqaPlusDataset data, MiniLmTextEncoder text, PrintStream log) {
        this.data = data;
        DetectionObjectStream objects = data.objectStream(new LabelEmbeddings(text));
        for (String id : data.corpus()) {
            Video video = data.video(id);
            videos.put(id, new VideoStreams(video, VideoStreams.fit(objects.clips(id), video.grid().size()), null, null));
            bags.put(id, data.labelBags(id));
            detections.put(id, data.frames(id));
        }
        List<TokenStates> states = text.encodeAll(data.queries().stream().map(Query::text).toList());
        for (int i = 0; i < states.size(); i++) {
            tokens.put(data.queries().get(i).id(), states.get(i).states());
        }
        log.printf("dataset tvr-tvqaplus: %d clips, %d queries, object stream of %d values per 1.5 s clip%n",
                videos.size(), data.queries().size(), objects.dim());
    }

    public TvrTvqaPlusDataset dataset() {
        return data;
    }

    /** The fold as experiment data: "train" = the fold's training queries, "test" = its held-out ones. */
    public ExperimentData fold(EpisodeFold fold) {
        return fold(fold, 0);
    }

    /**
     * The fold with a tuning split: with {@code tuneFolds >= 2}, "val" holds the queries of 1/tuneFolds of
     * the training episodes (split as {@link EpisodeFolds} splits, so no episode is on both sides) and
     * "train" the rest; with 0, no "val".
     */
    public ExperimentData fold(EpisodeFold fold, int tuneFolds) {
        Map<String, List<Query>> queries = new LinkedHashMap<>();
        if (tuneFolds >= 2) {
            EpisodeFold inner;
            try {
                inner = EpisodeFolds.split(fold.train(), tuneFolds, EpisodeFolds.DEFAULT_SEED + fold.index()).get(0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fold " + fold.index() + " cannot hold out 1/" + tuneFolds
                        + " of its training episodes for tuning (" + e.getMessage() + "); lower \"tuneFolds\" or set it to 0",
                        e);
            }
            queries.put("train", inner.train());
            queries.put("val", inner.test());
        } else {
            queries.put("train", fold.train());
        }
        queries.put("test", fold.test());
        Map<String, List<MomentExample>> examples = new LinkedHashMap<>();
        queries.forEach((split, list) -> examples.put(split, list.stream()
                .map(q -> MomentExample.of(q, videos.get(q.videoId()).video().grid(), tokens.get(q.id()))).toList()));
        Map<String, List<String>> splitVideos = new LinkedHashMap<>();
        queries.keySet().forEach(split -> splitVideos.put(split, data.corpus()));
        String name = "tvr-tvqaplus fold " + fold.index();
        return new ExperimentData("tvr-tvqaplus", name, new TrainingSet(name, examples, videos, splitVideos), queries,
                bags, detections, TvrTvqaPlusDataset.CLIP_LENGTH, List.of("objects"));
    }
}
