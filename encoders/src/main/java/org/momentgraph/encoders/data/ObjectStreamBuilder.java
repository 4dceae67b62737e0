package org.momentgraph.encoders.data;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;

/**
 * Builds an {@link ObjectStream} from any detections (human boxes such as TVQA+'s, or a detector's
 * output such as the synthetic corpus's detections JSONL) and a label embedder such as
 * {@code LabelEmbeddings}.
 *
 * <pre>{@code
 * DetectionObjectStream stream = ObjectStreamBuilder.builder()
 *         .optFrameSize(640, 360)
 *         .optCharacters(label -> Set.of("sheldon", "penny").contains(label))
 *         .build(videos, detectionsByVideo, labelEmbeddings);
 * float[][] x = stream.clips("s01e02_seg02_clip_12");   // [grid clips][dim]
 * }</pre>
 *
 * <p>Each clip vector is {@code [pooled label embedding | geometry]}; see {@link DetectionObjectStream}
 * for the layout. Rows are computed on first use and cached.
 */
public final class ObjectStreamBuilder {

    private double frameWidth;
    private double frameHeight;
    private Predicate<String> isCharacter = label -> false;
    private UnaryOperator<String> normalizer = ClipLabelBags::normalize;

    private ObjectStreamBuilder() {
    }

    public static ObjectStreamBuilder builder() {
        return new ObjectStreamBuilder();
    }

    /** Frame size in pixels for box geometry; by default the largest box corner seen in the detections. */
    public ObjectStreamBuilder optFrameSize(double width, double height) {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + " x " + height);
        }
        this.frameWidth = width;
        this.frameHeight = height;
        return this;
    }

    /** Which (normalised) labels are characters (people with names); by default none. */
    public ObjectStreamBuilder optCharacters(Predicate<String> isCharacter) {
        this.isCharacter = isCharacter;
        return this;
    }

    /** How labels are normalised before bagging and embedding; by default {@link ClipLabelBags#normalize}. */
    public ObjectStreamBuilder optLabelNormalizer(UnaryOperator<String> normalizer) {
        this.normalizer = normalizer;
        return this;
    }

    /**
     * The stream over {@code videos}. Detections of videos not in {@code videos} are ignored; videos
     * without detections get all-zero rows and an all-false mask.
     *
     * @param videos        corpus videos by id (duration and clip length define each grid)
     * @param detections    frames per video id
     * @param labelEmbedder label -> vector, the same length for every label (e.g. 384-d MiniLM)
     */
    public DetectionObjectStream build(Map<String, Video> videos, Map<String, List<FrameDetections>> detections,
            Function<String, float[]> labelEmbedder) {
        Map<String, List<FrameDetections>> kept = new TreeMap<>();
        Set<String> labels = new TreeSet<>();
        double maxX = 0;
        double maxY = 0;
        for (Map.Entry<String, Video> e : videos.entrySet()) {
            List<FrameDetections> frames = detections.getOrDefault(e.getKey(), List.of());
            kept.put(e.getKey(), frames);
            for (FrameDetections f : frames) {
                for (Detection d : f.objects()) {
                    labels.add(normalizer.apply(d.label()));
                    maxX = Math.max(maxX, d.box().x2());
                    maxY = Math.max(maxY, d.box().y2());
                }
            }
        }
        double width = frameWidth > 0 ? frameWidth : Math.max(1, maxX);
        double height = frameHeight > 0 ? frameHeight : Math.max(1, maxY);
        labels.remove("");
        float[] probe = labelEmbedder.apply(labels.isEmpty() ? "object" : labels.iterator().next());
        if (probe == null || probe.length == 0) {
            throw new IllegalArgumentException("the label embedder returned no vector");
        }
        return new DetectionObjectStream(new TreeMap<>(videos), kept, labelEmbedder, probe.length, width, height,
                isCharacter, normalizer);
    }
}
