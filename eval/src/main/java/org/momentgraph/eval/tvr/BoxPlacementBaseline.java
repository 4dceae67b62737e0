package org.momentgraph.eval.tvr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.ClipLabelBags;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.text.Vectors;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;

/**
 * Baseline 2, SVMR only: answer with where the boxes are ({@link BoxRuns}). TVQA+ drew boxes around
 * the spans its QA questions ask about, and TVR's moments often overlap them, so this measures how much
 * of an SVMR score the box placement alone gives. The ranked list is the runs in the order
 * {@link BoxPrior} says (a clip has a handful, so the list is short).
 */
public final class BoxPlacementBaseline implements TvrBaseline {

    private final TvrTvqaPlusDataset data;
    private final BoxPrior prior;
    private final MiniLmTextEncoder encoder;

    /** {@code encoder} is needed for {@link BoxPrior#MATCHED_RUN} only (may be null otherwise). */
    public BoxPlacementBaseline(TvrTvqaPlusDataset data, BoxPrior prior, MiniLmTextEncoder encoder) {
        if (prior == BoxPrior.MATCHED_RUN && encoder == null) {
            throw new IllegalArgumentException("MATCHED_RUN needs the MiniLM encoder");
        }
        this.data = data;
        this.prior = prior;
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return switch (prior) {
            case LONGEST_RUN -> "box prior: longest run";
            case BOX_SPAN -> "box prior: first-to-last box";
            case MATCHED_RUN -> "box prior: label-matched run";
        };
    }

    @Override
    public boolean needsTraining() {
        return false;
    }

    @Override
    public TvrSubmission predict(List<Query> train, List<Query> test) {
        float[][] queries = prior == BoxPrior.MATCHED_RUN ? encoder.embedAll(test.stream().map(Query::text).toList()) : null;
        List<RankedMoments> svmr = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            Query q = test.get(i);
            Video video = data.video(q.videoId());
            List<FrameDetections> frames = data.frames(video.id());
            List<BoxRuns.Run> runs = new ArrayList<>(BoxRuns.of(frames, video.grid(), BoxRuns.DEFAULT_MAX_GAP));
            List<Moment> ranked = new ArrayList<>();
            if (prior == BoxPrior.MATCHED_RUN) {
                float[] query = queries[i];
                float[][] runVectors = encoder.embedAll(runs.stream().map(BoxPlacementBaseline::runText).toList());
                List<Integer> order = new ArrayList<>();
                for (int r = 0; r < runs.size(); r++) {
                    order.add(r);
                }
                order.sort(Comparator.comparingDouble((Integer r) -> -Vectors.cosine(query, runVectors[r])).thenComparingInt(r -> r));
                for (int r : order) {
                    ranked.add(moment(video, runs.get(r).span(), Vectors.cosine(query, runVectors[r])));
                }
            } else {
                if (prior == BoxPrior.BOX_SPAN && !frames.isEmpty()) {
                    ranked.add(moment(video, BoxRuns.extent(frames, video.grid()), 1));
                }
                runs.sort(Comparator.comparingDouble((BoxRuns.Run r) -> -r.span().length())
                        .thenComparingDouble(r -> r.span().start()));
                for (BoxRuns.Run run : runs) {
                    if (ranked.stream().noneMatch(m -> m.span().equals(run.span()))) {
                        ranked.add(moment(video, run.span(), run.span().length() / video.duration()));
                    }
                }
            }
            if (ranked.isEmpty()) { // no box at all: the whole clip
                ranked.add(moment(video, new Span(0, video.duration()), 0));
            }
            svmr.add(new RankedMoments(q.id(), q.text(), ranked));
        }
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        tasks.put(TvrTask.SVMR, svmr);
        return TvrSubmission.of(tasks);
    }

    /** The run's distinct labels, most frames first, joined by spaces ("" when its frames hold no box). */
    static String runText(BoxRuns.Run run) {
        SortedMap<String, Integer> bag = new TreeMap<>();
        for (FrameDetections f : run.frames()) {
            f.objects().stream().map(Detection::label).map(ClipLabelBags::normalize).distinct()
                    .forEach(l -> bag.merge(l, 1, Integer::sum));
        }
        return ClipLabelBags.joinedText(bag);
    }

    private static Moment moment(Video video, Span span, double score) {
        return new Moment(video.id(), span.start(), span.end(), score);
    }
}
