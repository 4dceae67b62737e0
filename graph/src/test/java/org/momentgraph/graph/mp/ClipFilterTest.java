package org.momentgraph.graph.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClipFilterTest {

    private final List<ClipFilter.VideoScores> videos = List.of(
            new ClipFilter.VideoScores("a", new float[] {0.1f, 0.9f, 0.2f, 0.0f}),
            new ClipFilter.VideoScores("b", new float[] {0.5f, 0.4f}),
            new ClipFilter.VideoScores("c", new float[] {0.3f, 0.3f, 0.3f, 0.3f}));

    @Test
    void keepsTheBudgetsFractionOfAllClipsBestFirst() {
        List<ClipFilter.ClipRef> kept = ClipFilter.keep(videos, new FilterBudget(0.2, 0, 0));
        // 10 clips, 20 %: the two best raw scores
        assertThat(kept).extracting(r -> r.videoId() + r.clip()).containsExactly("a1", "b0");
        assertThat(ClipFilter.keep(videos, new FilterBudget(0.01, 0, 0))).hasSize(1);
        assertThat(ClipFilter.keep(videos, new FilterBudget(1, 0, 0))).hasSize(10);
    }

    @Test
    void videoWeightLiftsEveryClipOfARelevantVideo() {
        List<ClipFilter.ClipRef> ranked = ClipFilter.rank(videos, 2);
        // video a's best is 0.9: its weakest clip (0.0 + 2 x 0.9) beats b's best (0.5 + 2 x 0.5)
        assertThat(ranked.subList(0, 4)).extracting(ClipFilter.ClipRef::videoId).containsOnly("a");
        assertThat(ranked.get(0).score()).isEqualTo(0.9f * 3, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void maxVideosKeepsOnlyTheBestVideosClips() {
        List<ClipFilter.ClipRef> kept = ClipFilter.keep(videos, new FilterBudget(1, 2, 0));
        assertThat(kept).extracting(ClipFilter.ClipRef::videoId).containsOnly("a", "b").hasSize(6);
        assertThatThrownBy(() -> new FilterBudget(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FilterBudget(0.5, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clipsWithoutEvidenceTakeTheirVideosMeanScore() {
        ClipFilter.VideoScores v = ClipFilter.VideoScores.withEvidence("v", new float[] {-9, 2, 4, -9},
                new boolean[] {false, true, true, false});
        assertThat(v.clipScores()).containsExactly(3, 2, 4, 3);
        ClipFilter.VideoScores none = ClipFilter.VideoScores.withEvidence("w", new float[] {1, 2},
                new boolean[] {false, false});
        assertThat(none.clipScores()).containsExactly(1, 2);
    }
}
