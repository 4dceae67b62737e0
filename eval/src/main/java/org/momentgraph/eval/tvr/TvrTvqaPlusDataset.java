package org.momentgraph.eval.tvr;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.SharedData;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.ClipLabelBags;
import org.momentgraph.encoders.data.DetectionObjectStream;
import org.momentgraph.encoders.data.ObjectStreamBuilder;
import org.momentgraph.eval.data.TvqaPlusBoxes;
import org.momentgraph.eval.data.TvrJsonl;

/**
 * The TVR queries on TVQA+-annotated Big Bang Theory clips (the development half in
 * {@code shared/data/tvr_tvqaplus}) as a moment-retrieval dataset: the queries, the VCMR corpus (every
 * clip of the box file, with the duration its queries give and TVR's 1.5 s clip grid), the human
 * boxes per clip, per-clip label bags and the per-clip object stream.
 *
 * <pre>{@code
 * TvrTvqaPlusDataset data = TvrTvqaPlusDataset.load();
 * List<EpisodeFold> folds = EpisodeFolds.split(data.queries(), 5, 7L);
 * DetectionObjectStream objects = data.objectStream(labelEmbeddings);   // built once per embedder
 * }</pre>
 */
public final class TvrTvqaPlusDataset {

    /** TVR's retrieval grid. */
    public static final double CLIP_LENGTH = 1.5;
    /** TVQA+ frames are 640 x 360. */
    public static final double FRAME_WIDTH = 640;
    public static final double FRAME_HEIGHT = 360;
    /** Named characters of the show that have boxes (lower case, as the stream normalises labels). */
    public static final Set<String> CHARACTERS = Set.of("sheldon", "leonard", "penny", "howard", "raj", "rajesh",
            "amy", "bernadette", "stuart", "leslie", "priya", "alicia", "mandy", "kripke", "wil", "wheaton", "emily",
            "lucy", "zack", "dave", "beverley", "beverly", "bert", "kurt");

    private final List<Query> queries;
    private final Map<String, Video> videos;
    private final TvqaPlusBoxes.Annotations boxes;
    private final Map<Function<String, float[]>, DetectionObjectStream> streams = new IdentityHashMap<>();

    private TvrTvqaPlusDataset(List<Query> queries, Map<String, Video> videos, TvqaPlusBoxes.Annotations boxes) {
        this.queries = List.copyOf(queries);
        this.videos = Collections.unmodifiableMap(videos);
        this.boxes = boxes;
    }

    /** The development half from {@code shared/data/tvr_tvqaplus}. */
    public static TvrTvqaPlusDataset load() {
        return load(SharedData.file("tvr_tvqaplus/tvr_dev_queries.jsonl"),
                SharedData.file("tvr_tvqaplus/tvqa_plus_dev_boxes.json"));
    }

    /**
     * Queries (TVR JSON lines) and boxes (TVQA+ JSON). Every query's clip must have boxes, every clip
     * of the box file at least one query (its duration comes from there), and the queries of one clip
     * must agree on its duration.
     */
    public static TvrTvqaPlusDataset load(Path queryFile, Path boxFile) {
        List<Query> queries = TvrJsonl.read(queryFile);
        TvqaPlusBoxes.Annotations boxes = TvqaPlusBoxes.read(boxFile);
        Map<String, Double> durations = new TreeMap<>();
        for (Query q : queries) {
            Double previous = durations.putIfAbsent(q.videoId(), q.duration());
            if (previous != null && previous != q.duration()) {
                throw new DataFormatException(queryFile.toString(), "desc_id " + q.id(), "duration",
                        "clip " + q.videoId() + " has duration " + q.duration() + " here and " + previous + " elsewhere");
            }
            if (!boxes.byClip().containsKey(q.videoId())) {
                throw new DataFormatException(queryFile.toString(), "desc_id " + q.id(), "vid_name",
                        "clip " + q.videoId() + " has no boxes in " + boxFile + ", so it is not in the corpus");
            }
        }
        Map<String, Video> videos = new LinkedHashMap<>();
        for (String clip : boxes.byClip().keySet()) {
            Double duration = durations.get(clip);
            if (duration == null) {
                throw new DataFormatException(boxFile.toString(), "$", "vid_name",
                        "clip " + clip + " has boxes but no query in " + queryFile + " to give its duration");
            }
            videos.put(clip, new Video(clip, duration, CLIP_LENGTH));
        }
        return new TvrTvqaPlusDataset(queries, videos, boxes);
    }

    /** The episode of a TVR clip: the part of its name before "_seg" ("s01e02_seg02_clip_12" -> "s01e02"). */
    public static String episodeOf(String videoId) {
        int seg = videoId.indexOf("_seg");
        return seg > 0 ? videoId.substring(0, seg) : videoId;
    }

    public List<Query> queries() {
        return queries;
    }

    /** The VCMR corpus: every clip of the box file, by id (sorted). */
    public Map<String, Video> videos() {
        return videos;
    }

    /** Corpus clip ids, sorted. */
    public List<String> corpus() {
        return new ArrayList<>(videos.keySet());
    }

    public Video video(String videoId) {
        Video v = videos.get(videoId);
        if (v == null) {
            throw new IllegalArgumentException("no clip '" + videoId + "' in the corpus");
        }
        return v;
    }

    public SortedSet<String> episodes() {
        SortedSet<String> episodes = new TreeSet<>();
        videos.keySet().forEach(v -> episodes.add(episodeOf(v)));
        return episodes;
    }

    public TvqaPlusBoxes.Annotations boxes() {
        return boxes;
    }

    /** The annotated frames of a clip, sorted by time. */
    public List<FrameDetections> frames(String videoId) {
        return boxes.frames(videoId);
    }

    /** Per 1.5 s grid clip, lower-cased label -> frames of the grid clip showing it. */
    public List<SortedMap<String, Integer>> labelBags(String videoId) {
        return ClipLabelBags.of(video(videoId), frames(videoId), ClipLabelBags::normalize);
    }

    /** Every lower-cased label of the boxes. */
    public SortedSet<String> normalizedLabels() {
        SortedSet<String> labels = new TreeSet<>();
        boxes.labels().forEach(l -> labels.add(ClipLabelBags.normalize(l)));
        return labels;
    }

    /**
     * The per-clip object stream of the corpus under {@code labelEmbedder} (TVQA+ frame size, the
     * show's characters). Built once per embedder instance and kept.
     */
    public synchronized DetectionObjectStream objectStream(Function<String, float[]> labelEmbedder) {
        return streams.computeIfAbsent(labelEmbedder, e -> ObjectStreamBuilder.builder()
                .optFrameSize(FRAME_WIDTH, FRAME_HEIGHT)
                .optCharacters(CHARACTERS::contains)
                .build(videos, boxes.byClip(), e));
    }
}
