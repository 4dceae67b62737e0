package org.momentgraph.encoders.data;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Span;
import org.momentgraph.encoders.text.MiniLmTextEncoder;

/**
 * The subtitle stream of a video: each clip's dialogue (the lines overlapping it, joined in order)
 * as a MiniLM sentence embedding; clips without dialogue get zeros. Texts repeat across clips (a
 * line spans several clips), so they are embedded once in one batched call.
 */
public final class SubtitleStream {

    /** One subtitle line: its time span and text. */
    public record Line(Span span, String text) {
    }

    private SubtitleStream() {
    }

    /** {@code [grid clips][384]}. */
    public static float[][] clips(ClipGrid grid, List<Line> lines, MiniLmTextEncoder encoder) {
        int clips = grid.size();
        List<String> texts = new ArrayList<>(clips);
        for (int c = 0; c < clips; c++) {
            Span clip = grid.clipSpan(c);
            StringBuilder text = new StringBuilder();
            for (Line line : lines) {
                if (line.span().start() < clip.end() && line.span().end() > clip.start() && !line.text().isBlank()) {
                    text.append(text.length() == 0 ? "" : " ").append(line.text().trim());
                }
            }
            texts.add(text.toString());
        }
        List<String> nonEmpty = texts.stream().filter(t -> !t.isEmpty()).distinct().toList();
        float[][] embedded = encoder.embedAll(nonEmpty);
        float[][] rows = new float[clips][];
        for (int c = 0; c < clips; c++) {
            String t = texts.get(c);
            rows[c] = t.isEmpty() ? new float[MiniLmTextEncoder.DIM] : embedded[nonEmpty.indexOf(t)].clone();
        }
        return rows;
    }
}
