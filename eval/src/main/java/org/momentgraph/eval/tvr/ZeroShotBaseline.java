package org.momentgraph.eval.tvr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.Moment;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;
import org.momentgraph.eval.predictions.RankedMoments;
import org.momentgraph.eval.predictions.TvrSubmission;
import org.momentgraph.eval.predictions.TvrTask;

/**
 * Baseline 1, no training: MiniLM cosine between the query and box labels ({@link LabelCosineScorer}).
 * <ul>
 * <li>VR: corpus clips by cosine with their whole label bag.</li>
 * <li>SVMR: windows of the query's clip by {@link SlidingWindows} over per-grid-clip cosines.</li>
 * <li>VCMR: for the {@code vcmrVideos} best VR clips, their {@code momentsPerVideo} best windows, each
 *     scored {@code (1 + vr) / 2 * max(0, (1 + window) / 2)} (cosines mapped to [0, 1], so the
 *     product of two is a monotone joint score), best 100 overall.</li>
 * </ul>
 */
public final class ZeroShotBaseline implements TvrBaseline {

    /** TVR's submissions keep 100 predictions per query. */
    public static final int TOP = 100;

    private final TvrTvqaPlusDataset data;
    private final LabelCosineScorer scorer;
    private final SlidingWindows windows;
    private final String name;
    private final int vcmrVideos;
    private final int momentsPerVideo;

    public ZeroShotBaseline(String name, TvrTvqaPlusDataset data, LabelCosineScorer scorer, SlidingWindows windows,
            int vcmrVideos, int momentsPerVideo) {
        if (vcmrVideos < 1 || momentsPerVideo < 1) {
            throw new IllegalArgumentException("vcmrVideos and momentsPerVideo must be >= 1");
        }
        this.name = name;
        this.data = data;
        this.scorer = scorer;
        this.windows = windows;
        this.vcmrVideos = vcmrVideos;
        this.momentsPerVideo = momentsPerVideo;
    }

    /** Defaults: {@link SlidingWindows#defaults()}, VCMR over the 20 best VR clips, 10 windows each. */
    public ZeroShotBaseline(String name, TvrTvqaPlusDataset data, LabelCosineScorer scorer) {
        this(name, data, scorer, SlidingWindows.defaults(), 20, 10);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean needsTraining() {
        return false;
    }

    @Override
    public TvrSubmission predict(List<Query> train, List<Query> test) {
        float[][] embedded = scorer.embedQueries(test.stream().map(Query::text).toList());
        List<String> corpus = scorer.corpus();
        List<RankedMoments> vr = new ArrayList<>();
        List<RankedMoments> svmr = new ArrayList<>();
        List<RankedMoments> vcmr = new ArrayList<>();
        for (int i = 0; i < test.size(); i++) {
            Query q = test.get(i);
            float[] query = embedded[i];
            double[] videoScores = scorer.videoScores(query);
            Integer[] order = LabelCosineScorer.order(videoScores);
            List<Moment> videos = new ArrayList<>();
            for (int r = 0; r < Math.min(TOP, order.length); r++) {
                Video v = data.video(corpus.get(order[r]));
                videos.add(new Moment(v.id(), 0, v.duration(), videoScores[order[r]]));
            }
            vr.add(new RankedMoments(q.id(), q.text(), videos));
            Video own = data.video(q.videoId());
            List<Moment> inOwn = new ArrayList<>();
            for (SlidingWindows.Scored s : windows(query, own, TOP)) {
                inOwn.add(new Moment(own.id(), s.span().start(), s.span().end(), s.score()));
            }
            svmr.add(new RankedMoments(q.id(), q.text(), inOwn));
            List<Moment> joint = new ArrayList<>();
            for (int r = 0; r < Math.min(vcmrVideos, order.length); r++) {
                Video v = data.video(corpus.get(order[r]));
                double videoScore = (1 + videoScores[order[r]]) / 2;
                for (SlidingWindows.Scored s : windows(query, v, momentsPerVideo)) {
                    double score = videoScore * Math.max(0, (1 + s.score()) / 2);
                    joint.add(new Moment(v.id(), s.span().start(), s.span().end(), score));
                }
            }
            joint.sort(Comparator.comparingDouble(Moment::score).reversed());
            vcmr.add(new RankedMoments(q.id(), q.text(), joint.subList(0, Math.min(TOP, joint.size()))));
        }
        Map<TvrTask, List<RankedMoments>> tasks = new EnumMap<>(TvrTask.class);
        tasks.put(TvrTask.VCMR, vcmr);
        tasks.put(TvrTask.SVMR, svmr);
        tasks.put(TvrTask.VR, vr);
        return TvrSubmission.of(tasks);
    }

    private List<SlidingWindows.Scored> windows(float[] query, Video video, int limit) {
        return windows.rank(video.grid(), scorer.clipScores(query, video.id()), limit);
    }
}
