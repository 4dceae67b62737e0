package org.momentgraph.encoders.modeldir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.domain.DataFormatException;

class TunedSearchTest {

    @TempDir
    Path model;

    @Test
    void savedSettingsReadBackAndLeaveTheChecksummedFilesAlone() throws Exception {
        Files.writeString(model.resolve(Checksums.FILE), "");
        assertThat(TunedSearch.load(model)).isEmpty();

        new TunedSearch("label-bag", 8, 4, 0.2, 3).save(model);

        TunedSearch read = TunedSearch.load(model).orElseThrow();
        assertThat(read).isEqualTo(new TunedSearch("label-bag", 8, 4, 0.2, 3));
        // the weight belongs to the evidence it was tuned with
        assertThat(read.evidenceWeightFor("label-bag")).isEqualTo(8);
        assertThat(read.evidenceWeightFor("graph")).isZero();
        // a sub-folder: an empty checksum list still verifies, so tuning never "corrupts" a saved model
        Checksums.verify(model);
    }

    @Test
    void aFileSavedBeforeTheLabelTextTermLoadsWithoutIt() throws Exception {
        Path file = model.resolve(TunedSearch.DIR).resolve(TunedSearch.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"filter\": \"graph\", \"evidenceWeight\": 8, \"vrTemperature\": 0.1, "
                + "\"momentsPerVideo\": 10}");
        assertThat(TunedSearch.load(model)).contains(new TunedSearch("graph", 8, 0, 0.1, 10));
    }

    @Test
    void aBadFileNamesItsField() throws Exception {
        Path file = model.resolve(TunedSearch.DIR).resolve(TunedSearch.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"filter\": \"label-bag\", \"evidenceWeight\": 1, \"vrTemperature\": 0}");
        assertThatThrownBy(() -> TunedSearch.load(model)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("vrTemperature");
        Files.writeString(file, "{\"filter\": \"label-bag\", \"tau\": 1}");
        assertThatThrownBy(() -> TunedSearch.load(model)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("$.tau");
    }
}
