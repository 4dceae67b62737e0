package org.momentgraph.eval.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;

class DetectionNoiseTest {

    private static List<SyntheticVideo> generate(NoiseConfig noise, int videos) {
        SyntheticConfig config = SyntheticConfig.builder().videos(videos).seed(5).noise(noise).subtitles(false).build();
        List<SyntheticVideo> out = new java.util.ArrayList<>();
        new SyntheticGenerator(config).forEach(out::add);
        return out;
    }

    @Test
    void zeroNoiseGivesTheExactTrueBoxesEveryFrame() {
        for (SyntheticVideo v : generate(NoiseConfig.none(), 10)) {
            assertThat(v.frames()).hasSize((int) Math.ceil(v.video().duration() * 3 - 1e-9));
            for (FrameDetections f : v.frames()) {
                assertThat(f.objects()).hasSize(v.entities().size());
                for (Entity e : v.entities()) {
                    Box truth = e.track().at(f.t());
                    assertThat(f.objects()).as("%s at %s", e.name(), f.t()).anySatisfy(d -> {
                        assertThat(d.label()).isEqualTo(e.category().label());
                        assertThat(d.box().x1()).isCloseTo(truth.x1(), within(0.006));
                        assertThat(d.box().y1()).isCloseTo(truth.y1(), within(0.006));
                        assertThat(d.box().x2()).isCloseTo(truth.x2(), within(0.006));
                        assertThat(d.box().y2()).isCloseTo(truth.y2(), within(0.006));
                    });
                }
            }
        }
    }

    @Test
    void faultRatesFollowTheConfig() {
        NoiseConfig noise = new NoiseConfig(0.05, 0.2, 0.5, 0.3);
        List<SyntheticVideo> videos = generate(noise, 15);
        long truths = 0;
        long kept = 0;
        long spurious = 0;
        long frames = 0;
        double jitter = 0;
        long matched = 0;
        for (SyntheticVideo v : videos) {
            for (FrameDetections f : v.frames()) {
                frames++;
                truths += v.entities().size();
                for (Detection d : f.objects()) {
                    if (d.score() < 0.3 + 0.3 + 1e-9 && d.score() >= 0.3 && !near(v, f.t(), d)) {
                        spurious++;
                    } else {
                        kept++;
                    }
                }
                for (Entity e : v.entities()) {
                    Box truth = e.track().at(f.t());
                    for (Detection d : f.objects()) {
                        if (d.box().iou(truth) > 0.5 && truth.width() > 60) {
                            jitter += Math.abs(d.box().x1() - truth.x1()) / truth.width();
                            matched++;
                            break;
                        }
                    }
                }
            }
        }
        assertThat(1 - kept / (double) truths).as("miss rate").isCloseTo(0.2, within(0.04));
        assertThat(spurious / (double) frames).as("false positives per frame").isCloseTo(0.5, within(0.12));
        // mean |N(0, 0.05)| = 0.05 * sqrt(2 / pi) = 0.040
        assertThat(jitter / matched).as("mean relative edge error").isCloseTo(0.04, within(0.01));
    }

    private static boolean near(SyntheticVideo v, double t, Detection d) {
        return v.entities().stream().anyMatch(e -> e.track().at(t).iou(d.box()) > 0.3);
    }

    @Test
    void labelConfusionSwapsSimilarClassesOnly() {
        List<SyntheticVideo> videos = generate(new NoiseConfig(0, 0, 0, 0.5), 10);
        long swapped = 0;
        for (SyntheticVideo v : videos) {
            for (FrameDetections f : v.frames()) {
                for (Entity e : v.entities()) {
                    Box truth = e.track().at(f.t());
                    Detection d = f.objects().stream().filter(x -> x.box().equals(truth)
                            || x.box().iou(truth) > 0.999).findFirst().orElseThrow();
                    if (!d.label().equals(e.category().label())) {
                        swapped++;
                        assertThat(e.category().confusable()).contains(d.label());
                    }
                }
            }
        }
        assertThat(swapped).isPositive();
    }

    @Test
    void noiseSpecParsesAndRejectsNonsense() {
        assertThat(NoiseConfig.parse("none")).isEqualTo(NoiseConfig.none());
        assertThat(NoiseConfig.parse("miss=0.1,fp=0")).isEqualTo(new NoiseConfig(0.03, 0.1, 0, 0.04));
        assertThat(NoiseConfig.parse(NoiseConfig.defaults().toString())).isEqualTo(NoiseConfig.defaults());
        assertThatThrownBy(() -> NoiseConfig.parse("blur=2")).hasMessageContaining("blur");
        assertThatThrownBy(() -> NoiseConfig.parse("miss=2")).hasMessageContaining("miss");
    }
}
