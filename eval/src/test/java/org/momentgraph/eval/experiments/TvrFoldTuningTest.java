package org.momentgraph.eval.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Query;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.tvr.EpisodeFold;
import org.momentgraph.eval.tvr.EpisodeFolds;
import org.momentgraph.eval.tvr.TvrTvqaPlusDataset;

/** TVR folds tune w and tau on held-out training episodes, never on queries the model was trained on. */
class TvrFoldTuningTest {

    @TempDir
    Path tmp;

    @Test
    void eachFoldHoldsOutWholeTrainingEpisodesForTuning() {
        TvrTvqaPlusDataset dataset = TvrTvqaPlusDataset.load();
        EpisodeFold fold = EpisodeFolds.split(dataset.queries()).get(1);
        try (MiniLmTextEncoder text = MiniLmTextEncoder.builder().build()) {
            TvrData data = new TvrData(dataset, text, new PrintStream(new ByteArrayOutputStream()));
            ExperimentData tuned = data.fold(fold, 5);
            List<Query> train = tuned.queries().get("train");
            List<Query> val = tuned.queries().get("val");
            List<Query> test = tuned.queries().get("test");

            assertThat(test).isEqualTo(fold.test());
            // train + val are the fold's training queries, split by episode, about a fifth for tuning
            Set<String> ids = new HashSet<>(ids(train));
            ids.addAll(ids(val));
            assertThat(ids).isEqualTo(new HashSet<>(ids(fold.train())));
            assertThat(train.size() + val.size()).isEqualTo(fold.train().size());
            assertThat((double) val.size() / fold.train().size()).isBetween(0.1, 0.3);
            assertThat(episodes(train)).doesNotContainAnyElementsOf(episodes(val));
            assertThat(episodes(val)).doesNotContainAnyElementsOf(episodes(test));
            // every split searches the whole corpus
            assertThat(tuned.set().corpus("val")).hasSameSizeAs(dataset.corpus());
            // tuneFolds 0: the old protocol, no tuning split
            assertThat(data.fold(fold, 0).queries()).containsOnlyKeys("train", "test");
            // too few training episodes to hold out a fifth: the error says which setting to change
            List<String> two = episodes(fold.train()).stream().sorted().limit(2).toList();
            List<Query> few = fold.train().stream()
                    .filter(q -> two.contains(TvrTvqaPlusDataset.episodeOf(q.videoId()))).toList();
            EpisodeFold small = new EpisodeFold(9, fold.testEpisodes(), few, fold.test());
            assertThatThrownBy(() -> data.fold(small, 5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("fold 9").hasMessageContaining("tuneFolds");
        }
    }

    @Test
    void tuneFoldsMomentsPerVideoAndLabelTextWeightsAreReadAndChecked() throws Exception {
        Path file = tmp.resolve("tvr.json");
        Files.writeString(file, "{\"dataset\": {\"type\": \"tvr-tvqaplus\"}}");
        assertThat(ExperimentConfig.read(file).tuneFolds()).isEqualTo(5);
        assertThat(ExperimentConfig.read(file).labelTextWeights()).containsExactly(0.0);
        Files.writeString(file, "{\"dataset\": {\"type\": \"tvr-tvqaplus\"}, \"tuneFolds\": 0}");
        assertThat(ExperimentConfig.read(file).tuneFolds()).isZero();
        Files.writeString(file, "{\"dataset\": {\"type\": \"tvr-tvqaplus\"}, \"momentsPerVideo\": [1, 3]}");
        assertThat(ExperimentConfig.read(file).momentsPerVideo()).containsExactly(1, 3);
        Files.writeString(file, "{\"dataset\": {\"type\": \"tvr-tvqaplus\"}, \"momentsPerVideo\": [0]}");
        assertThatThrownBy(() -> ExperimentConfig.read(file)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.momentsPerVideo[0]");
        Files.writeString(file, "{\"dataset\": {\"type\": \"tvr-tvqaplus\"}, \"labelTextWeights\": [0, 4.5]}");
        assertThat(ExperimentConfig.read(file).labelTextWeights()).containsExactly(0.0, 4.5);
        Files.writeString(file, "{\"dataset\": {\"type\": \"tvr-tvqaplus\"}, \"labelTextWeights\": [1, -2]}");
        assertThatThrownBy(() -> ExperimentConfig.read(file)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.labelTextWeights[1]");
        Files.writeString(file, "{\"dataset\": {\"type\": \"tvr-tvqaplus\"}, \"tuneFolds\": 1}");
        assertThatThrownBy(() -> ExperimentConfig.read(file)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.tuneFolds");
    }

    private static List<String> ids(List<Query> queries) {
        return queries.stream().map(Query::id).toList();
    }

    private static Set<String> episodes(List<Query> queries) {
        return queries.stream().map(q -> TvrTvqaPlusDataset.episodeOf(q.videoId())).collect(Collectors.toSet());
    }
}
