package org.momentgraph.encoders.data;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;

/**
 * An {@link ObjectStream} computed from detections (build it with {@link ObjectStreamBuilder}).
 * Clip vector layout, {@code E} being the label embedder's dimension:
 * <ul>
 * <li>{@code [0, E)}: the clip's labels pooled: each distinct label weighted by the share of the
 *     clip's frames showing it times its mean detection score, summed, scaled to unit length;</li>
 * <li>{@code E + ANNOTATED}: 1 when the clip has an annotated frame (the mask);</li>
 * <li>{@code E + BOXES}: ln(1 + mean boxes per annotated frame);</li>
 * <li>{@code E + LABELS}: ln(1 + distinct labels);</li>
 * <li>{@code E + AREA}: mean box area as a share of the frame;</li>
 * <li>{@code E + CENTER_X}, {@code E + CENTER_Y}: mean box centre as a share of frame width / height;</li>
 * <li>{@code E + CHARACTER_SHARE}: share of boxes that are characters;</li>
 * <li>{@code E + CHARACTERS}: ln(1 + distinct characters).</li>
 * </ul>
 * Rows are computed once per video, on first use, and cached; callers get copies. Thread-safe.
 */
public final class DetectionObjectStream implements ObjectStream {

    public static final int ANNOTATED = 0;
    public static final int BOXES = 1;
    public static final int LABELS = 2;
    public static final int AREA = 3;
    public static final int CENTER_X = 4;
    public static final int CENTER_Y = 5;
    public static final int CHARACTER_SHARE = 6;
    public static final int CHARACTERS = 7;
    /** Number of geometry features after the embedding block. */
    public static final int GEOMETRY = 8;

    private record Rows(float[][] clips, boolean[] annotated, List<SortedMap<String, Integer>> bags) {
    }

    private final Map<String, Video> videos;
    private final Map<String, List<FrameDetections>> detections;
    private final Function<String, float[]> labelEmbedder;
    private final int embeddingDim;
    private final double frameWidth;
    private final double frameHeight;
    private final Predicate<String> isCharacter;
    private final UnaryOperator<String> normalizer;
    private final Map<String, Rows> cache = new ConcurrentHashMap<>();

    DetectionObjectStream(Map<String, Video> videos, Map<String, List<FrameDetections>> detections,
            Function<String, float[]> labelEmbedder, int embeddingDim, double frameWidth, double frameHeight,
            Predicate<String> isCharacter, UnaryOperator<String> normalizer) {
        this.videos = Collections.unmodifiableMap(videos);
        this.detections = detections;
        this.labelEmbedder = labelEmbedder;
        this.embeddingDim = embeddingDim;
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
        this.isCharacter = isCharacter;
        this.normalizer = normalizer;
    }

    @Override
    public int dim() {
        return embeddingDim + GEOMETRY;
    }

    /** Length of the pooled label embedding block (the geometry block starts here). */
    public int embeddingDim() {
        return embeddingDim;
    }

    @Override
    public Set<String> videos() {
        return videos.keySet();
    }

    public Video video(String videoId) {
        Video video = videos.get(videoId);
        if (video == null) {
            throw new IllegalArgumentException("the object stream has no video '" + videoId + "'");
        }
        return video;
    }

    @Override
    public float[][] clips(String videoId) {
        float[][] rows = rows(videoId).clips();
        float[][] copy = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    @Override
    public boolean[] annotated(String videoId) {
        return rows(videoId).annotated().clone();
    }

    /** Per grid clip, normalised label -> frames of the clip showing it. */
    public List<SortedMap<String, Integer>> labelBags(String videoId) {
        return rows(videoId).bags();
    }

    /** Whether a normalised label counts as a character. */
    public boolean isCharacter(String label) {
        return isCharacter.test(label);
    }

    private Rows rows(String videoId) {
        Video video = video(videoId);
        return cache.computeIfAbsent(videoId, id -> compute(video, detections.get(id)));
    }

    private Rows compute(Video video, List<FrameDetections> frames) {
        List<List<FrameDetections>> perClip = ClipLabelBags.framesPerClip(video, frames);
        List<SortedMap<String, Integer>> bags = ClipLabelBags.of(video, frames, normalizer);
        float[][] rows = new float[perClip.size()][dim()];
        boolean[] annotated = new boolean[perClip.size()];
        for (int i = 0; i < perClip.size(); i++) {
            annotated[i] = !perClip.get(i).isEmpty();
            if (annotated[i]) {
                fill(rows[i], perClip.get(i), bags.get(i));
            }
        }
        return new Rows(rows, annotated, bags);
    }

    private void fill(float[] row, List<FrameDetections> frames, SortedMap<String, Integer> bag) {
        Map<String, double[]> scoreSums = new TreeMap<>();
        Set<String> characters = new HashSet<>();
        int boxes = 0;
        double area = 0;
        double cx = 0;
        double cy = 0;
        int characterBoxes = 0;
        for (FrameDetections frame : frames) {
            for (Detection d : frame.objects()) {
                String label = normalizer.apply(d.label());
                boxes++;
                area += Math.min(1, d.box().area() / (frameWidth * frameHeight));
                cx += d.box().centerX() / frameWidth;
                cy += d.box().centerY() / frameHeight;
                if (!label.isEmpty()) {
                    double[] sum = scoreSums.computeIfAbsent(label, l -> new double[2]);
                    sum[0] += d.score();
                    sum[1]++;
                    if (isCharacter.test(label)) {
                        characterBoxes++;
                        characters.add(label);
                    }
                }
            }
        }
        PooledLabels pooled = new PooledLabels(labelEmbedder, embeddingDim);
        for (Map.Entry<String, Integer> e : bag.entrySet()) {
            double[] sum = scoreSums.get(e.getKey());
            pooled.add(e.getKey(), (double) e.getValue() / frames.size() * (sum[0] / sum[1]));
        }
        pooled.writeUnit(row);
        int g = embeddingDim;
        row[g + ANNOTATED] = 1f;
        row[g + BOXES] = (float) Math.log1p((double) boxes / frames.size());
        row[g + LABELS] = (float) Math.log1p(bag.size());
        if (boxes > 0) {
            row[g + AREA] = (float) (area / boxes);
            row[g + CENTER_X] = (float) (cx / boxes);
            row[g + CENTER_Y] = (float) (cy / boxes);
            row[g + CHARACTER_SHARE] = (float) characterBoxes / boxes;
        }
        row[g + CHARACTERS] = (float) Math.log1p(characters.size());
    }
}
