package org.momentgraph.graph.track;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;

/**
 * Generated detections of objects moving in a 640x360 frame, with the true object of every detection:
 * the ground truth for tracker tests and the input of the graph-building benchmark. Detections are
 * corrupted as a real detector would: box jitter, missed frames and labels flipped to a similar class.
 *
 * @param frames the detections, one entry per frame, time-sorted
 * @param truth  the true object index of every detection (by identity)
 * @param labels the true label of each object
 */
public record SyntheticScene(List<FrameDetections> frames, Map<Detection, Integer> truth, List<String> labels) {

    /** True classes and the look-alike a noisy detector reports instead (the last pair is not confusable). */
    private static final String[][] CLASSES = {
        {"person", "man"}, {"couch", "sofa"}, {"cup", "mug"}, {"table", "desk"}, {"laptop", "computer"},
        {"phone", "cellphone"}, {"door", "doors"}, {"dog", "cat"},
    };
    private static final double W = 640;
    private static final double H = 360;

    /**
     * What to generate.
     *
     * @param video    video id
     * @param objects  number of objects
     * @param duration seconds
     * @param fps      frames per second (TVR / TVQA+ frames come at 3 fps)
     * @param jitter   box noise, as a fraction of the box size (standard deviation)
     * @param missRate chance that an object is missed in a frame
     * @param flipRate chance that a detection carries the look-alike label
     */
    public record Spec(String video, int objects, double duration, double fps, double jitter, double missRate,
            double flipRate) {

        public static Spec typical(String video) {
            return new Spec(video, 6, 60, 3, 0.03, 0.15, 0.1);
        }
    }

    public static SyntheticScene generate(Spec spec, long seed) {
        Random rnd = new Random(seed);
        int n = spec.objects();
        double[][] state = new double[n][6];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double w = 40 + rnd.nextDouble() * 120;
            double h = 40 + rnd.nextDouble() * 120;
            boolean moves = rnd.nextDouble() < 0.6;
            double speed = moves ? 10 + rnd.nextDouble() * 30 : 0;
            double angle = rnd.nextDouble() * 2 * Math.PI;
            state[i] = new double[] {rnd.nextDouble() * (W - w), rnd.nextDouble() * (H - h), w, h,
                speed * Math.cos(angle), speed * Math.sin(angle)};
            labels.add(CLASSES[i % CLASSES.length][0]);
        }
        Map<Detection, Integer> truth = new IdentityHashMap<>();
        List<FrameDetections> frames = new ArrayList<>();
        int count = (int) Math.floor(spec.duration() * spec.fps());
        double dt = 1 / spec.fps();
        for (int f = 0; f < count; f++) {
            List<Detection> dets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] s = state[i];
                if (f > 0) {
                    move(s, dt);
                }
                if (rnd.nextDouble() < spec.missRate()) {
                    continue;
                }
                double jx = spec.jitter() * s[2];
                double jy = spec.jitter() * s[3];
                double x1 = clamp(s[0] + rnd.nextGaussian() * jx, W);
                double y1 = clamp(s[1] + rnd.nextGaussian() * jy, H);
                double x2 = Math.max(x1 + 1, clamp(s[0] + s[2] + rnd.nextGaussian() * jx, W));
                double y2 = Math.max(y1 + 1, clamp(s[1] + s[3] + rnd.nextGaussian() * jy, H));
                String[] cls = CLASSES[i % CLASSES.length];
                String label = rnd.nextDouble() < spec.flipRate() ? cls[1] : cls[0];
                Detection d = new Detection(label, 0.5 + 0.5 * rnd.nextDouble(), new Box(x1, y1, x2, y2));
                truth.put(d, i);
                dets.add(d);
            }
            frames.add(new FrameDetections(spec.video(), f * dt, dets));
        }
        return new SyntheticScene(frames, truth, labels);
    }

    /** Constant velocity, bouncing off the frame's edges. */
    private static void move(double[] s, double dt) {
        s[0] += s[4] * dt;
        s[1] += s[5] * dt;
        if (s[0] < 0 || s[0] + s[2] > W) {
            s[4] = -s[4];
            s[0] = Math.max(0, Math.min(W - s[2], s[0]));
        }
        if (s[1] < 0 || s[1] + s[3] > H) {
            s[5] = -s[5];
            s[1] = Math.max(0, Math.min(H - s[3], s[1]));
        }
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max - 1, v));
    }

    public int objectOf(TrackPoint p) {
        return truth.get(p.detection());
    }
}
