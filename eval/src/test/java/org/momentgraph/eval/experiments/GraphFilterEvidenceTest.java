package org.momentgraph.eval.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.pipeline.EvidenceMatch;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.filter.FilterCorpus;
import org.momentgraph.eval.synthetic.CorpusWriter;
import org.momentgraph.eval.synthetic.SyntheticConfig;
import org.momentgraph.eval.synthetic.SyntheticCorpus;
import org.momentgraph.graph.mp.GraphPairEncoder;
import org.momentgraph.graph.query.QueryParser;

/** The graph clip filter (presence scoring, no trained model) seen through the pipeline's ClipEvidence. */
class GraphFilterEvidenceTest {

    @TempDir
    Path tmp;

    @Test
    void scoresEveryClipInUnitRangeAndExplainsASpan() {
        Path dir = tmp.resolve("corpus");
        CorpusWriter.write(SyntheticConfig.builder().videos(6).seed(5).dim(16).build(), dir, (d, t, s) -> { });
        try (MiniLmTextEncoder text = MiniLmTextEncoder.builder().build(); SyntheticCorpus corpus = SyntheticCorpus.load(dir)) {
            List<Video> videos = new ArrayList<>();
            corpus.videos().forEach(v -> videos.add(v.video()));
            GraphPairEncoder encoder = new GraphPairEncoder(new LabelEmbeddings(text), MiniLmTextEncoder.DIM);
            QueryParser parser = QueryParser.load();
            FilterCorpus filter = FilterCorpus.build(videos, corpus.detectionsByVideo(), List.of(), encoder, parser, id -> "all");
            GraphFilterEvidence evidence = new GraphFilterEvidence(filter.videos(), encoder, parser, null);
            Query q = corpus.queries("train").get(0);
            List<float[]> scores = evidence.clipScores(q.text(), videos);
            assertThat(scores).hasSize(videos.size());
            for (int v = 0; v < videos.size(); v++) {
                assertThat(scores.get(v)).hasSize(videos.get(v).grid().size());
                for (float s : scores.get(v)) {
                    assertThat(s).isBetween(0f, 1f);
                }
            }
            // the query's own moment shows its entities: some clip of its video has evidence
            int own = videos.indexOf(videos.stream().filter(v -> v.id().equals(q.videoId())).findFirst().orElseThrow());
            int first = videos.get(own).grid().clipAt(q.span().start());
            int last = videos.get(own).grid().clipAt(Math.max(q.span().start(), q.span().end() - 1e-6));
            float best = 0;
            for (int c = first; c <= last; c++) {
                best = Math.max(best, scores.get(own)[c]);
            }
            assertThat(best).isPositive();
            // cached scores come back equal whatever the candidates' order, and callers get copies
            List<Video> reversed = new ArrayList<>(videos);
            java.util.Collections.reverse(reversed);
            List<float[]> again = evidence.clipScores(q.text(), reversed);
            for (int v = 0; v < videos.size(); v++) {
                assertThat(again.get(videos.size() - 1 - v)).containsExactly(scores.get(v));
            }
            again.get(0)[0] = 7f;
            assertThat(evidence.clipScores(q.text(), List.of(reversed.get(0))).get(0)[0])
                    .isEqualTo(scores.get(videos.size() - 1)[0]);
            List<EvidenceMatch> why = evidence.explain(q.text(), q.videoId(), first, last);
            assertThat(why).isNotEmpty().anySatisfy(m -> assertThat(m.videoNode()).isNotNull());
        }
    }
}
