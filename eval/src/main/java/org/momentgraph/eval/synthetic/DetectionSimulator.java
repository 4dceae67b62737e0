package org.momentgraph.eval.synthetic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;

/** Samples the true boxes at a fixed frame rate and passes them through a faulty detector. */
final class DetectionSimulator {

    private final World world;
    private final NoiseConfig noise;
    private final double fps;

    DetectionSimulator(World world, NoiseConfig noise, double fps) {
        this.world = world;
        this.noise = noise;
        this.fps = fps;
    }

    List<FrameDetections> observe(String videoId, List<Entity> entities, double duration, SplittableRandom rng) {
        List<FrameDetections> frames = new ArrayList<>();
        List<Category> categories = world.categories();
        for (int k = 0; k / fps < duration; k++) {
            double t = Math.round(k / fps * 1000) / 1000.0;
            List<Detection> objects = new ArrayList<>();
            for (Entity e : entities) {
                double score = 0.55 + 0.44 * Math.sqrt(rng.nextDouble());
                if (rng.nextDouble() < noise.missRate()) {
                    continue;
                }
                Box box = jitter(e.track().at(t), rng);
                String label = e.category().label();
                List<String> similar = e.category().confusable();
                if (!similar.isEmpty() && rng.nextDouble() < noise.labelConfusion()) {
                    label = similar.get(rng.nextInt(similar.size()));
                    score *= 0.8;
                }
                if (box != null) {
                    objects.add(new Detection(label, round(score, 3), box));
                }
            }
            int spurious = poisson(noise.falsePositives(), rng);
            for (int i = 0; i < spurious; i++) {
                Category c = categories.get(1 + rng.nextInt(categories.size() - 1));
                double w = c.width() * (0.6 + 0.8 * rng.nextDouble());
                double h = c.height() * (0.6 + 0.8 * rng.nextDouble());
                double x = rng.nextDouble() * (World.FRAME_WIDTH - w);
                double y = rng.nextDouble() * (World.FRAME_HEIGHT - h);
                objects.add(new Detection(c.label(), round(0.3 + 0.3 * rng.nextDouble(), 3),
                        rounded(new Box(x, y, x + w, y + h))));
            }
            objects.sort(Comparator.comparingDouble(Detection::score).reversed());
            frames.add(new FrameDetections(videoId, t, objects));
        }
        return frames;
    }

    /** Moves each edge by Gaussian noise and clips to the frame; null when nothing is left in the frame. */
    private Box jitter(Box b, SplittableRandom rng) {
        double sx = noise.jitter() * b.width();
        double sy = noise.jitter() * b.height();
        double x1 = b.x1() + sx * rng.nextGaussian();
        double x2 = b.x2() + sx * rng.nextGaussian();
        double y1 = b.y1() + sy * rng.nextGaussian();
        double y2 = b.y2() + sy * rng.nextGaussian();
        x1 = Math.max(0, Math.min(x1, x2 - 1));
        y1 = Math.max(0, Math.min(y1, y2 - 1));
        x2 = Math.min(World.FRAME_WIDTH, x2);
        y2 = Math.min(World.FRAME_HEIGHT, y2);
        if (x2 <= x1 || y2 <= y1) {
            return null;
        }
        return rounded(new Box(x1, y1, x2, y2));
    }

    private static Box rounded(Box b) {
        return new Box(round(b.x1(), 2), round(b.y1(), 2), round(b.x2(), 2), round(b.y2(), 2));
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static int poisson(double mean, SplittableRandom rng) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }
}
