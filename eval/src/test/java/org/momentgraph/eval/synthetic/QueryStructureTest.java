package org.momentgraph.eval.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;

/** Queries say what their difficulty tag claims, their spans are the events', and text is varied. */
class QueryStructureTest {

    private static final List<SyntheticVideo> VIDEOS = new ArrayList<>();

    static {
        new SyntheticGenerator(SyntheticConfig.builder().videos(200).seed(3).featuresOnly(true).subtitles(true).build()).forEach(VIDEOS::add);
    }

    @Test
    void difficultyTagsDescribeTheVideo() {
        Map<Difficulty, Integer> counts = new EnumMap<>(Difficulty.class);
        for (SyntheticVideo v : VIDEOS) {
            for (Query q : v.queries()) {
                Difficulty d = Difficulty.ofTag(q.attributes().get("difficulty"));
                counts.merge(d, 1, Integer::sum);
                Event e = v.events().get(Integer.parseInt(q.attributes().get("event")));
                List<Event> others = v.events().stream().filter(x -> x != e).toList();
                switch (d) {
                    case PRESENCE_ONLY -> assertThat(others).as(q.text())
                            .noneMatch(x -> shares(x, e.object()) || e.recipient() >= 0 && shares(x, e.recipient()));
                    case INTERACTION_DISTRACTOR -> assertThat(others).as(q.text())
                            .anyMatch(x -> (shares(x, e.object()) || e.recipient() >= 0 && shares(x, e.recipient()))
                                    && x.interaction() != e.interaction());
                    case ACTOR_DISTRACTOR -> assertThat(others).as(q.text())
                            .anyMatch(x -> x.object() == e.object() && x.interaction() == e.interaction() && x.subject() != e.subject());
                    case TEMPORAL_ORDER -> {
                        assertThat(others).as(q.text()).anyMatch(x -> x.interaction() == e.interaction()
                                && x.object() == e.object() && x.recipient() == e.recipient() && x.subject() == e.subject());
                        assertThat(q.text()).containsAnyOf(" after ", "After ", " before ", "Before ");
                    }
                    case SEQUENCE -> {
                        Event next = v.events().get(e.index() + 1);
                        assertThat(q.span()).isEqualTo(new Span(e.span().start(), next.span().end()));
                        assertThat(q.text()).contains("then");
                    }
                }
                if (d != Difficulty.SEQUENCE) {
                    assertThat(q.span()).isEqualTo(e.span());
                    assertThat(e.interaction().id()).isEqualTo(q.attributes().get("interaction"));
                }
            }
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder(Difficulty.values());
        assertThat(counts.get(Difficulty.PRESENCE_ONLY)).isGreaterThan(50);
        assertThat(counts.get(Difficulty.INTERACTION_DISTRACTOR)).isGreaterThan(50);
        assertThat(counts.get(Difficulty.TEMPORAL_ORDER)).isGreaterThan(20);
    }

    private static boolean shares(Event x, int entity) {
        return x.object() == entity || x.recipient() == entity;
    }

    @Test
    void spansLieInsideTheVideoAndVideosRespectTheSpec() {
        Set<String> ids = new HashSet<>();
        for (SyntheticVideo v : VIDEOS) {
            double d = v.video().duration();
            assertThat(d).isBetween(20.0, 150.0);
            assertThat(v.events()).hasSizeBetween(3, 10);
            assertThat(v.entities()).hasSizeBetween(2, 6);
            for (int i = 1; i < v.events().size(); i++) {
                assertThat(v.events().get(i).span().start()).isGreaterThanOrEqualTo(v.events().get(i - 1).span().end());
            }
            for (Query q : v.queries()) {
                assertThat(ids.add(q.id())).as("unique id " + q.id()).isTrue();
                assertThat(q.videoId()).isEqualTo(v.id());
                assertThat(q.duration()).isEqualTo(d);
                assertThat(q.span().start()).isGreaterThanOrEqualTo(0);
                assertThat(q.span().end()).isLessThanOrEqualTo(d).isGreaterThan(q.span().start());
                assertThat(q.type()).isIn("v", "vt");
            }
        }
    }

    @Test
    void textIsVariedAndNamesActors() {
        Set<String> texts = new HashSet<>();
        Map<Interaction, Set<String>> verbs = new EnumMap<>(Interaction.class);
        int named = 0;
        int vt = 0;
        int total = 0;
        for (SyntheticVideo v : VIDEOS) {
            for (Query q : v.queries()) {
                total++;
                texts.add(q.text());
                String subject = q.attributes().get("subject");
                named += q.text().contains(subject) ? 1 : 0;
                vt += q.type().equals("vt") ? 1 : 0;
                Interaction in = Interaction.ofId(q.attributes().get("interaction"));
                verbs.computeIfAbsent(in, k -> new HashSet<>()).add(q.text().split(" ")[1]);
            }
        }
        assertThat(texts.size()).isGreaterThan(total * 9 / 10);
        assertThat(named).isBetween(total / 3, total * 9 / 10);
        assertThat(vt).isBetween(total / 10, total * 7 / 10);
        assertThat(verbs.get(Interaction.PICKS_UP)).hasSizeGreaterThan(3);
    }

    @Test
    void splitsAreSeventyFifteenFifteenPerBlock() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (SyntheticVideo v : VIDEOS) {
            counts.merge(v.split(), 1, Integer::sum);
            assertThat(Splits.of(3, v.index())).isEqualTo(v.split());
        }
        assertThat(counts).containsEntry("train", 140).containsEntry("val", 30).containsEntry("test", 30);
    }

    @Test
    void sameSeedSameVideosOtherSeedOtherVideos() {
        SyntheticConfig a = SyntheticConfig.builder().videos(5).seed(99).build();
        List<SyntheticVideo> first = new ArrayList<>();
        List<SyntheticVideo> second = new ArrayList<>();
        List<SyntheticVideo> other = new ArrayList<>();
        new SyntheticGenerator(a).forEach(first::add);
        new SyntheticGenerator(a).forEach(second::add);
        new SyntheticGenerator(SyntheticConfig.builder().videos(5).seed(100).build()).forEach(other::add);
        for (int i = 0; i < 5; i++) {
            assertThat(second.get(i).events()).isEqualTo(first.get(i).events());
            assertThat(second.get(i).queries()).isEqualTo(first.get(i).queries());
            assertThat(second.get(i).frames()).isEqualTo(first.get(i).frames());
            assertThat(second.get(i).subtitles()).isEqualTo(first.get(i).subtitles());
            assertThat(java.util.Arrays.deepEquals(second.get(i).features(), first.get(i).features())).isTrue();
        }
        assertThat(other.stream().map(SyntheticVideo::queries).toList())
                .isNotEqualTo(first.stream().map(SyntheticVideo::queries).toList());
    }
}
