package org.momentgraph.eval.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.eval.data.QvhighlightsJsonl;
import org.momentgraph.eval.predictions.QvhPrediction;

/**
 * QVHighlights highlight-detection metrics as Moment-DETR's {@code standalone_eval/eval.py}. A clip is
 * positive for an annotator when that annotator scored it at least Fair (2), Good (3) or VeryGood (4)
 * (the "min" in {@code HL-min-Fair}); clips outside relevant_clip_ids score 0. HL-mAP averages the
 * per-annotator AP of the predicted saliency over queries and annotators; HL-Hit1 asks whether the
 * single highest-scored clip is positive for <em>any</em> annotator (eval.py takes the max over them).
 */
public final class QvhHighlightMetrics {

    /** The named minimum scores, in eval.py's order. */
    public enum Level {
        FAIR("Fair", 2), GOOD("Good", 3), VERY_GOOD("VeryGood", 4);

        private final String label;
        private final int minScore;

        Level(String label, int minScore) {
            this.label = label;
            this.minScore = minScore;
        }

        /** "HL-min-Fair", ... */
        public String key() {
            return "HL-min-" + label;
        }

        public int minScore() {
            return minScore;
        }
    }

    /** Percentages at one level. */
    public record Scores(double map, double hit1) {
    }

    private QvhHighlightMetrics() {
    }

    /** {@code predictions} in submission order; each has saliency scores and an annotation under its qid. */
    public static Map<Level, Scores> evaluate(Map<String, QvhighlightsJsonl.Annotation> groundTruth,
            List<QvhPrediction> predictions) {
        Map<String, int[][]> fullScores = new LinkedHashMap<>();
        groundTruth.forEach((qid, a) -> fullScores.put(qid, clipScores(a)));
        Map<Level, Scores> out = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            int hits = 0;
            int annotators = 0;
            double[] aps = null;
            int next = 0;
            for (QvhPrediction p : predictions) {
                int[][] scores = fullScores.get(p.qid());
                annotators = scores[0].length;
                if (aps == null) {
                    aps = new double[predictions.size() * annotators];
                }
                double[] predicted = p.saliency().stream().mapToDouble(Double::doubleValue).toArray();
                int top = argmax(predicted);
                if (top >= 0 && top < scores.length) {
                    for (int a = 0; a < annotators; a++) {
                        if (scores[top][a] >= level.minScore()) {
                            hits++;
                            break;
                        }
                    }
                }
                double[] aligned = java.util.Arrays.copyOf(predicted, scores.length); // cut, or pad with 0
                for (int a = 0; a < annotators; a++) {
                    double[] labels = new double[scores.length];
                    for (int c = 0; c < scores.length; c++) {
                        labels[c] = scores[c][a] >= level.minScore() ? 1 : 0;
                    }
                    aps[next++] = HighlightAp.averagePrecision(labels, aligned);
                }
            }
            double map = aps == null ? Double.NaN : PairwiseSum.mean(aps);
            out.put(level, new Scores(OfficialRounding.percent(map),
                    OfficialRounding.percent((double) hits / predictions.size())));
        }
        return out;
    }

    /** Every 2 s clip of the video (int(duration / 2) of them) with its annotators' scores; 0 outside the labels. */
    static int[][] clipScores(QvhighlightsJsonl.Annotation a) {
        int clips = (int) (a.query().duration() / QvhighlightsJsonl.CLIP_LENGTH);
        int annotators = a.saliencyScores().isEmpty() ? 0 : a.saliencyScores().get(0).size();
        if (clips == 0 || annotators == 0) {
            throw new IllegalArgumentException("qid " + a.query().id() + " has no clips or no saliency scores to evaluate");
        }
        int[][] scores = new int[clips][annotators];
        for (int i = 0; i < a.relevantClipIds().size(); i++) {
            int clip = a.relevantClipIds().get(i);
            if (clip >= clips) {
                throw new IllegalArgumentException("qid " + a.query().id() + ": relevant clip " + clip
                        + " lies past the video's " + clips + " clips");
            }
            List<Integer> row = a.saliencyScores().get(i);
            for (int k = 0; k < annotators; k++) {
                scores[clip][k] = row.get(k);
            }
        }
        return scores;
    }

    /** np.argmax: the first maximum; a NaN wins at once; -1 for an empty list. */
    private static int argmax(double[] v) {
        int best = -1;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                return i;
            }
            if (best < 0 || v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
