package org.momentgraph.eval.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.ExactSearch;
import org.momentgraph.encoders.index.SearchHit;
import org.momentgraph.encoders.index.VideoEncoding;
import org.momentgraph.encoders.inference.EncodedVideo;
import org.momentgraph.encoders.inference.LoadedRetriever;

class SearchBenchmarkTest {

    private static final int DIM = 32; // model stack: 2 streams x hidden 16, 4 heads

    @TempDir
    Path dir;

    @Test
    void timesEveryStageOfTheModelStackForEveryMethodOnSmallCorporaAndReusesTheirIndexes() throws Exception {
        SearchBenchmark bench = SearchBenchmark.builder().optWorkDir(dir).optSizes(150, 400).optDim(DIM)
                .optQueries(30, 5).optQueryEncoder(false).build();
        List<SearchBenchmark.Row> rows = bench.run();
        assertThat(bench.description()).contains("model stack", "H=16", "2 streams", "initialised weights");
        assertThat(rows).extracting(SearchBenchmark.Row::videos).containsExactly(150, 150, 150, 400, 400, 400);
        assertThat(rows).extracting(SearchBenchmark.Row::stack).containsOnly("model");
        assertThat(rows).extracting(SearchBenchmark.Row::method)
                .containsExactly("exact", "quantized", "hnsw", "exact", "quantized", "hnsw");
        for (SearchBenchmark.Row r : rows) {
            // random features skip MiniLM, so encode is the query encoder: strictly more than the text part
            assertThat(r.encodeP50()).isGreaterThan(r.textP50());
            assertThat(r.vrP99()).isGreaterThanOrEqualTo(r.vrP50()).isPositive();
            assertThat(r.momentsP99()).isGreaterThanOrEqualTo(r.momentsP50()).isPositive();
            assertThat(r.totalP50()).isGreaterThanOrEqualTo(r.vrP50()); // total of a query >= any of its stages
            assertThat(r.totalP99()).isGreaterThanOrEqualTo(r.totalP50());
            assertThat(r.mappedBytes()).isGreaterThan((long) r.videos() * 30 * DIM * Float.BYTES); // >= 30 clips a video
            assertThat(r.heapIndexBytes()).isGreaterThanOrEqualTo(r.method().equals("exact") ? r.videos() * DIM * 4L : r.videos() * (long) DIM);
            assertThat(r.peakHeapBytes()).isPositive();
            assertThat(r.recallAt100()).isBetween(0.9, 1.0); // a few hundred videos: HNSW visits nearly all
            if (!r.method().equals("hnsw")) {
                assertThat(r.recallAt100()).isEqualTo(1.0); // R >= corpus: the pre-scan keeps every video
            }
        }
        try (CorpusIndex index = CorpusIndex.open(dir.resolve("corpus-n400-d32"))) {
            assertThat(index.size()).isEqualTo(400);
            assertThat(index.modelFingerprint()).isEqualTo(SyntheticCorpus.fingerprint(400, DIM, 42));
            assertThat(index.video(0).clips()).isBetween(30, 50);
        }
        List<SearchBenchmark.Row> again = SearchBenchmark.builder().optWorkDir(dir).optSizes(400).optDim(DIM)
                .optQueries(10, 0).optQueryEncoder(false).optStack(SearchBenchmark.Stack.STANDIN)
                .optMethods(EnumSet.of(SearchBenchmark.Method.QUANTIZED)).build().run();
        assertThat(again).extracting(SearchBenchmark.Row::stack).containsExactly("standin");
        assertThat(SearchBenchmark.table(again)).contains("| 400 | quantized |").hasLineCount(3);

        Path csv = dir.resolve("rows.csv");
        RecordRows.write(csv, rows);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("videos,stack,method,buildSeconds,encodeP50,encodeP99,textP50");
        assertThat(lines.get(2)).startsWith("150,model,quantized,");
        Path json = dir.resolve("rows.json");
        RecordRows.write(json, rows);
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree).hasSize(6);
        assertThat(tree.get(5).get("method").asText()).isEqualTo("hnsw");
        assertThat(tree.get(5).get("recallAt100").asDouble()).isEqualTo(rows.get(5).recallAt100());
    }

    @Test
    void modelMomentsDecodeConvSeLogitsOfTheClipStatesStoredInTheIndex() {
        Path corpus = dir.resolve("c");
        SyntheticCorpus.ensure(corpus, 60, DIM, 7);
        try (CorpusIndex index = CorpusIndex.opener(corpus).open();
             ModelStack stack = (ModelStack) VcmrStacks.model(ModelStack.benchModel(DIM), null, List.of(), 4, DIM, 3, 16, 7);
             ExactSearch exact = ExactSearch.of(index, 1)) {
            float[] query = stack.queryVector(stack.textFeatures(2));
            assertThat(query).hasSize(2 * 16 + 2); // [S*H stream queries | S stream weights]
            List<SearchHit> hits = exact.search(stack.searchVector(query), 100);
            List<Moment> moments = stack.localizer(index).localize(query, hits, 100);

            List<String> top3 = hits.subList(0, 3).stream().map(SearchHit::videoId).toList();
            assertThat(moments).isNotEmpty().hasSizeLessThanOrEqualTo(3 * SearchBenchmark.MOMENTS_PER_VIDEO);
            assertThat(moments).extracting(Moment::videoId).containsAnyElementsOf(top3).allMatch(top3::contains);
            assertThat(moments).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
            assertThat(moments).allSatisfy(m -> assertThat(m.end()).isGreaterThan(m.start()));

            // the same spans as the retriever localising in the generator's own vectors of the best video
            LoadedRetriever r = stack.retriever();
            int best = hits.get(0).ordinal();
            VideoEncoding source = SyntheticCorpus.video(Integer.parseInt(index.video(best).id().substring(6)), DIM, 7);
            EncodedVideo direct = EncodedVideo.fromVectors(source.video(), 2, 16, source.videoVector(), source.clipVectors());
            List<Moment> expected = r.localize(query, direct, SearchBenchmark.MOMENTS_PER_VIDEO);
            List<Moment> fromIndex = moments.stream().filter(m -> m.videoId().equals(direct.id())).toList();
            assertThat(expected).isNotEmpty();
            assertThat(fromIndex).extracting(m -> m.start() + "-" + m.end())
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(m -> m.start() + "-" + m.end()).toList());
        }
    }

    @Test
    void rejectsAModelWhoseClipStatesDoNotFillTheIndexVectors() {
        assertThatThrownBy(() -> SearchBenchmark.builder().optWorkDir(dir).optSizes(10).optDim(48)
                .optModel(ModelStack.benchModel(32)).optQueryEncoder(false).build().run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the index dim is 48");
        assertThatThrownBy(() -> ModelStack.benchModel(36)).hasMessageContaining("divisible by 8");
    }

    @Test
    void queryTextsAreVariedGeneratedSentences() {
        List<String> texts = QueryTexts.synthetic(120, 3);
        assertThat(texts).hasSize(120);
        assertThat(texts.stream().distinct().count()).isGreaterThan(100);
        assertThat(texts).allSatisfy(t -> assertThat(t).endsWith(".").contains(" "));
    }
}
