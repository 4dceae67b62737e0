package org.momentgraph.eval.tvr;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Span;

/**
 * Where a clip's boxes are: runs of annotated frames (a frame with an empty box list counts, it was
 * annotated), consecutive frames at most {@code maxGapSeconds} apart forming one run, each run
 * snapped outwards to TVR's grid clips. TVQA+ annotates every 1/3 s to 2 s inside a QA span, so the
 * default gap of 2 s (+ a little for float noise) joins one span's frames and splits separate spans.
 */
public final class BoxRuns {

    public static final double DEFAULT_MAX_GAP = 2.0 + 1e-6;

    /** One run: its grid-snapped span and the frames in it. */
    public record Run(Span span, List<FrameDetections> frames) {
        public Run {
            frames = List.copyOf(frames);
        }
    }

    private BoxRuns() {
    }

    /** Runs of {@code frames} (sorted by time) in time order. */
    public static List<Run> of(List<FrameDetections> frames, ClipGrid grid, double maxGapSeconds) {
        List<Run> runs = new ArrayList<>();
        List<FrameDetections> current = new ArrayList<>();
        for (FrameDetections f : frames) {
            if (!current.isEmpty() && f.t() - current.get(current.size() - 1).t() > maxGapSeconds) {
                runs.add(close(current, grid));
                current = new ArrayList<>();
            }
            current.add(f);
        }
        if (!current.isEmpty()) {
            runs.add(close(current, grid));
        }
        return runs;
    }

    /** The grid-snapped span from the first to the last annotated frame, or null when there is none. */
    public static Span extent(List<FrameDetections> frames, ClipGrid grid) {
        if (frames.isEmpty()) {
            return null;
        }
        return grid.span(grid.clipAt(frames.get(0).t()), grid.clipAt(frames.get(frames.size() - 1).t()));
    }

    private static Run close(List<FrameDetections> frames, ClipGrid grid) {
        return new Run(extent(frames, grid), frames);
    }
}
