package org.momentgraph.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainTypesTest {

    @Test
    void spanIouMatchesHandComputedValues() {
        assertThat(new Span(0, 10).iou(new Span(5, 15))).isCloseTo(5.0 / 15, within(1e-12));
        assertThat(new Span(0, 1).iou(new Span(2, 3))).isZero();
        assertThat(new Span(2, 2).iou(new Span(2, 2))).isZero();
        assertThatThrownBy(() -> new Span(3, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clipGridCoversTheVideoWithAShorterLastClip() {
        ClipGrid grid = new Video("v", 61.46, 1.5).grid();
        assertThat(grid.size()).isEqualTo(41);
        assertThat(grid.clipEnd(40)).isEqualTo(61.46);
        assertThat(grid.clipAt(61.46)).isEqualTo(40);
        assertThat(grid.clipAt(-1)).isZero();
        assertThat(new ClipGrid(3.0, 1.5).size()).isEqualTo(2);
    }

    @Test
    void boxIouAndTvqaConversion() {
        Box a = Box.ofLeftTopWidthHeight(0, 0, 10, 10);
        Box b = new Box(5, 5, 15, 15);
        assertThat(a.iou(b)).isCloseTo(25.0 / 175, within(1e-12));
        assertThat(a.centerX()).isEqualTo(5);
    }

    @Test
    void atomicWriteReplacesWholeFileAndLeavesNoTempFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.txt");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second");
        assertThat(Files.readString(target)).isEqualTo("second");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
        assertThatThrownBy(() -> AtomicFiles.writeText(target, w -> {
            w.write("partial");
            throw new java.io.IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(Files.readString(target)).isEqualTo("second");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void sharedDataIsFoundBesideTheCheckout() {
        assertThat(SharedData.root()).isPresent();
        assertThat(SharedData.file("README.md")).exists();
    }
}
