package org.momentgraph.eval.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.ClipGrid;

/**
 * Clip features show which objects act strongly and the interaction weakly: the clips of two events on
 * the same object (picks up the cup / puts down the cup) are nearly alike, clearly more alike than
 * clips of events on different objects; yet the interaction direction is measurably present.
 */
class ClipFeatureTest {

    private static final SyntheticConfig CONFIG = SyntheticConfig.builder().videos(120).seed(21).subtitles(false)
            .featuresOnly(true).build();

    @Test
    void clipsSharingObjectsAreCloserThanOthersAndInteractionsBarelySeparateThem() {
        List<Double> sameObjectOtherInteraction = new ArrayList<>();
        List<Double> otherObject = new ArrayList<>();
        for (SyntheticVideo v : new SyntheticGenerator(CONFIG)) {
            assertThat(v.features()).hasNumberOfRows(v.video().grid().size());
            for (Event a : v.events()) {
                for (Event b : v.events()) {
                    if (a.index() >= b.index() || a.subject() != b.subject()) {
                        continue;
                    }
                    double cos = cosine(middleClip(v, a), middleClip(v, b));
                    if (a.object() == b.object() && a.interaction() != b.interaction()) {
                        sameObjectOtherInteraction.add(cos);
                    } else if (a.object() != b.object()) {
                        otherObject.add(cos);
                    }
                }
            }
        }
        double same = mean(sameObjectOtherInteraction);
        double other = mean(otherObject);
        assertThat(sameObjectOtherInteraction).hasSizeGreaterThan(50);
        assertThat(same).as("same objects, different interaction").isGreaterThan(other + 0.1);
        assertThat(same).as("the interaction changes little").isGreaterThan(0.8);
    }

    @Test
    void interactionDirectionIsWeakButPresent() {
        AppearanceBank bank = new AppearanceBank(CONFIG.features().dim());
        double inside = 0;
        double outside = 0;
        int nIn = 0;
        int nOut = 0;
        double objectInside = 0;
        for (SyntheticVideo v : new SyntheticGenerator(CONFIG)) {
            ClipGrid grid = v.video().grid();
            for (Event e : v.events()) {
                float[] dir = bank.get("interaction:" + e.interaction().id());
                float[] obj = v.entities().get(e.object()).isPerson() ? bank.get("category:person")
                        : bank.get("category:" + v.entities().get(e.object()).category().label());
                for (int c = 0; c < grid.size(); c++) {
                    var clip = grid.clipSpan(c);
                    boolean busy = v.events().stream().anyMatch(x -> FeatureSynthesizer.overlap(x.span(), clip) > 0);
                    double overlap = FeatureSynthesizer.overlap(e.span(), grid.clipSpan(c));
                    if (overlap > 0.99) {
                        inside += dot(v.features()[c], dir);
                        objectInside += dot(v.features()[c], obj);
                        nIn++;
                    } else if (!busy) {
                        outside += dot(v.features()[c], dir);
                        nOut++;
                    }
                }
            }
        }
        double interaction = inside / nIn - outside / nOut;
        assertThat(interaction).as("interaction component").isGreaterThan(0.05);
        assertThat(objectInside / nIn).as("object component").isGreaterThan(2.5 * interaction);
    }

    private static float[] middleClip(SyntheticVideo v, Event e) {
        double mid = (e.span().start() + e.span().end()) / 2;
        return v.features()[v.video().grid().clipAt(mid)];
    }

    static double cosine(float[] a, float[] b) {
        return dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
