package org.momentgraph.encoders.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Video;

/**
 * The bag of labels of each grid clip of a video: label -> number of the clip's frames showing it.
 * Frames go to the clip containing their time (clamped to the grid, so a frame a fraction of a
 * second past the duration lands in the last clip). Labels are normalised first (by default
 * {@link #normalize}: lower case, underscores and hyphens as spaces), so "Sheldon" and "sheldon" meet.
 */
public final class ClipLabelBags {

    private ClipLabelBags() {
    }

    /** Lower case, '_' and '-' as spaces, whitespace collapsed. */
    public static String normalize(String label) {
        return label.replace('_', ' ').replace('-', ' ').trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The frames of {@code frames} per grid clip of {@code video} (frame order kept). */
    public static List<List<FrameDetections>> framesPerClip(Video video, List<FrameDetections> frames) {
        ClipGrid grid = video.grid();
        List<List<FrameDetections>> perClip = new ArrayList<>(grid.size());
        for (int i = 0; i < grid.size(); i++) {
            perClip.add(new ArrayList<>());
        }
        for (FrameDetections frame : frames) {
            perClip.get(grid.clipAt(frame.t())).add(frame);
        }
        return perClip;
    }

    /** Per grid clip, label -> frames of the clip showing it (sorted by label; empty for clips with no frame). */
    public static List<SortedMap<String, Integer>> of(Video video, List<FrameDetections> frames,
            UnaryOperator<String> normalizer) {
        List<SortedMap<String, Integer>> bags = new ArrayList<>();
        for (List<FrameDetections> clip : framesPerClip(video, frames)) {
            SortedMap<String, Integer> bag = new TreeMap<>();
            for (FrameDetections frame : clip) {
                Set<String> seen = new HashSet<>();
                for (Detection d : frame.objects()) {
                    String label = normalizer.apply(d.label());
                    if (!label.isEmpty() && seen.add(label)) {
                        bag.merge(label, 1, Integer::sum);
                    }
                }
            }
            bags.add(Collections.unmodifiableSortedMap(bag));
        }
        return Collections.unmodifiableList(bags);
    }

    /** Label -> frames showing it over the whole video: the union of its clips' bags. */
    public static SortedMap<String, Integer> union(List<SortedMap<String, Integer>> bags) {
        SortedMap<String, Integer> all = new TreeMap<>();
        bags.forEach(bag -> bag.forEach((label, n) -> all.merge(label, n, Integer::sum)));
        return all;
    }

    /** The bag's distinct labels, most frames first, then alphabetically, joined by spaces ("sheldon couch cup"). */
    public static String joinedText(SortedMap<String, Integer> bag) {
        return bag.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(" "));
    }
}
