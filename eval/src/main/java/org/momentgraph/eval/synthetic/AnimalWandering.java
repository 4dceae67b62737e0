package org.momentgraph.eval.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.momentgraph.domain.Box;

/**
 * Animals move by themselves: between the events that involve them they take short out-and-back strolls,
 * so their boxes move (and sometimes brush past people) without any annotated interaction.
 */
final class AnimalWandering {

    private AnimalWandering() {
    }

    static void addExcursions(SceneState s, List<Event> events, double duration, SplittableRandom rng) {
        for (Entity e : s.entities) {
            if (!e.category().can(Capability.ANIMAL)) {
                continue;
            }
            List<double[]> free = new ArrayList<>();
            double from = 0;
            for (Event ev : events) {
                if (ev.involves(e.index())) {
                    free.add(new double[] {from, ev.span().start() - 0.5});
                    from = ev.span().end() + 0.5;
                }
            }
            free.add(new double[] {from, duration});
            for (double[] gap : free) {
                for (double t = gap[0] + 0.5 + rng.nextDouble() * 4; t + 3 < gap[1]; t += 4 + rng.nextDouble() * 8) {
                    Box b = e.track().at(t);
                    double dx = (rng.nextBoolean() ? 1 : -1) * (60 + rng.nextDouble() * 140);
                    if (b.x1() + dx < 10 || b.x2() + dx > World.FRAME_WIDTH - 10) {
                        dx = -dx;
                    }
                    Box away = new Box(b.x1() + dx, b.y1(), b.x2() + dx, b.y2());
                    e.track().put(t, b);
                    e.track().put(t + 1.0, away);
                    e.track().put(t + 1.6, away);
                    e.track().put(t + 2.6, b);
                }
            }
        }
    }
}
