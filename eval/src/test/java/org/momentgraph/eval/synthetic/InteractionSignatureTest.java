package org.momentgraph.eval.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Box;

/**
 * Every interaction leaves its geometric trace in the generated detections: with a perfect detector,
 * follow the subject and the object through the detections of the event window and measure contact,
 * joint motion, rising, descending, aspect change, shrinking distance or fast departure.
 */
class InteractionSignatureTest {

    @Test
    void everyInteractionIsMeasurableFromDetections() {
        SyntheticConfig config = SyntheticConfig.builder().videos(250).seed(11).noise(NoiseConfig.none())
                .subtitles(false).build();
        Map<Interaction, int[]> tally = new EnumMap<>(Interaction.class);
        StringBuilder failures = new StringBuilder();
        for (SyntheticVideo v : new SyntheticGenerator(config)) {
            for (Event e : v.events()) {
                boolean ok = signature(v, e);
                int[] t = tally.computeIfAbsent(e.interaction(), k -> new int[2]);
                t[0] += ok ? 1 : 0;
                t[1]++;
                if (!ok && failures.length() < 2000) {
                    failures.append(v.id()).append(' ').append(e).append('\n');
                }
            }
        }
        StringBuilder rates = new StringBuilder();
        tally.forEach((k, t) -> rates.append(k).append('=').append(t[0]).append('/').append(t[1]).append(' '));
        assertThat(tally.keySet()).as("every interaction occurs").containsExactlyInAnyOrder(Interaction.values());
        for (var entry : tally.entrySet()) {
            double rate = entry.getValue()[0] / (double) entry.getValue()[1];
            assertThat(rate).as(entry.getKey() + " signature rate; all: " + rates + "\n" + failures)
                    .isGreaterThanOrEqualTo(0.97);
        }
    }

    private static boolean signature(SyntheticVideo v, Event e) {
        double t0 = e.span().start();
        double t1 = e.span().end();
        Entity subject = v.entities().get(e.subject());
        Entity object = v.entities().get(e.object());
        DetectedTrack p = DetectedTrack.follow(v.frames(), "person", subject.track(), t0, t1);
        DetectedTrack o = DetectedTrack.follow(v.frames(), object.category().label(), object.track(), t0, t1);
        if (p.isEmpty() || o.isEmpty()) {
            return false;
        }
        Box ps = p.first();
        Box pe = p.last();
        Box os = o.first();
        Box oe = o.last();
        return switch (e.interaction()) {
            case PICKS_UP -> touch(ps, os) && oe.centerY() < os.centerY() - 15;
            case PUTS_DOWN -> touch(ps, os) && oe.centerY() > os.centerY() + 5 && gap(pe, oe) > gap(ps, os) + 40;
            case HOLDS -> allTouch(p, o) && Math.abs(dx(ps, pe)) > 100 && Math.abs(dx(ps, pe) - dx(os, oe)) < 15;
            case OPENS -> touch(ps, os) && oe.area() > os.area() * 1.15 && aspect(oe) != aspect(os);
            case CLOSES -> touch(ps, os) && oe.area() < os.area() / 1.15;
            case SITS_ON -> touch(pe, oe) && pe.height() < ps.height() * 0.75;
            case STANDS_UP_FROM -> touch(ps, os) && pe.height() > ps.height() * 1.3;
            case WALKS_TO -> touch(pe, oe) && gap(pe, oe) < gap(ps, os) - 50;
            case THROWS -> touch(ps, os) && o.maxSpeed() > 300 && gap(pe, oe) > 150 && oe.y2() >= World.FLOOR_Y - 1;
            case HANDS_TO -> {
                Entity r = v.entities().get(e.recipient());
                DetectedTrack q = DetectedTrack.follow(v.frames(), "person", r.track(), t0, t1);
                yield !q.isEmpty() && touch(ps, q.first()) && gap(os, ps) < gap(os, q.first())
                        && gap(oe, q.last()) < gap(oe, pe);
            }
            case PUSHES -> touch(ps, os) && Math.abs(dx(os, oe)) > 25 && Math.abs(dx(ps, pe) - dx(os, oe)) < 10
                    && Math.abs(oe.y2() - os.y2()) < 1;
            case KICKS -> touch(ps, os) && Math.abs(dx(os, oe)) > 50 && Math.abs(dx(ps, pe)) < 20
                    && Math.abs(oe.y2() - os.y2()) < 1;
            case PETS -> touch(ps, os) && p.all().stream().mapToDouble(Box::height).min().orElseThrow() < ps.height() * 0.85
                    && Math.abs(pe.height() - ps.height()) < 1;
        };
    }

    private static boolean touch(Box a, Box b) {
        return a.intersectionArea(b) > 0;
    }

    private static boolean allTouch(DetectedTrack a, DetectedTrack b) {
        return a.boxes.entrySet().stream().allMatch(e -> !b.boxes.containsKey(e.getKey()) || touch(e.getValue(), b.boxes.get(e.getKey())));
    }

    private static double dx(Box a, Box b) {
        return b.centerX() - a.centerX();
    }

    /** Distance between the box centres. */
    private static double gap(Box a, Box b) {
        return DetectedTrack.distance(a, b);
    }

    private static double aspect(Box b) {
        return b.width() / b.height();
    }
}
