package org.momentgraph.eval.synthetic;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;

/**
 * Generates the synthetic corpus video by video. One {@link SplittableRandom} tree: the root (from the
 * seed) splits one generator per video, in order; each video's generator splits one stream per stage
 * (layout and events, detections, features, dialogue, queries), so changing the noise leaves the events
 * and queries alone.
 */
public final class SyntheticGenerator implements Iterable<SyntheticVideo> {

    private final SyntheticConfig config;
    private final World world = World.standard();
    private final DetectionSimulator detector;
    private final FeatureSynthesizer synthesizer;

    public SyntheticGenerator(SyntheticConfig config) {
        this.config = config;
        this.detector = new DetectionSimulator(world, config.noise(), config.fps());
        this.synthesizer = new FeatureSynthesizer(config.features());
    }

    public SyntheticConfig config() {
        return config;
    }

    /** Videos in index order; each is built when asked for, so memory stays bounded. */
    @Override
    public Iterator<SyntheticVideo> iterator() {
        SplittableRandom root = new SplittableRandom(config.seed());
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < config.videos();
            }

            @Override
            public SyntheticVideo next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = next++;
                return video(i, root.split());
            }
        };
    }

    /** The id of video i. */
    public static String videoId(int index) {
        return String.format("syn%06d", index);
    }

    SyntheticVideo video(int index, SplittableRandom rng) {
        SplittableRandom planRng = rng.split();
        SplittableRandom detectionRng = rng.split();
        SplittableRandom featureRng = rng.split();
        SplittableRandom dialogueRng = rng.split();
        SplittableRandom queryRng = rng.split();

        SceneState state = SceneLayout.layOut(world, planRng);
        double duration = config.minDuration() + planRng.nextDouble() * (config.maxDuration() - config.minDuration());
        int target = 3 + planRng.nextInt(8);
        target = Math.max(3, Math.min(target, (int) ((duration - 2) / 4.5)));
        EventPlanner.Plan plan = new EventPlanner(state, planRng, config.distractorBias()).plan(duration, target);
        duration = plan.duration();
        String id = videoId(index);
        Video video = new Video(id, duration, config.features().clipLength());

        List<FrameDetections> frames = config.featuresOnly()
                ? List.of() : detector.observe(id, state.entities, duration, detectionRng);
        float[][] features = synthesizer.synthesize(state, plan.events(), duration, featureRng);
        List<SubtitleLine> subtitles = config.subtitles()
                ? DialogueWriter.write(state, plan.events(), duration, dialogueRng) : List.of();
        List<Query> queries = new QueryGenerator(state, plan.events(), plan.unannotatedWalkTargets(), subtitles, queryRng)
                .generate(id, index, duration, config.sequenceRate());
        return new SyntheticVideo(index, video, Splits.of(config.seed(), index), state.scene.name(), state.entities,
                plan.events(), frames, features, subtitles, queries);
    }
}
