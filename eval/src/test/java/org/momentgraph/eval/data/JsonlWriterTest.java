package org.momentgraph.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlWriterTest {

    @TempDir
    Path dir;

    @Test
    void createsTheFolderAndPublishesReadableLinesOnlyOnClose() throws IOException {
        Path target = dir.resolve("nested/out.jsonl");

        try (JsonlWriter writer = JsonlWriter.open(target)) {
            writer.write(json -> json.writeStringField("id", "a"));
            writer.write(json -> json.writeNumberField("n", 2.5));
            assertThat(target).doesNotExist();
            assertThat(writer.lines()).isEqualTo(2);
        }

        assertThat(Files.readAllLines(target)).containsExactly("{\"id\":\"a\"}", "{\"n\":2.5}");
        if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        }
        assertThat(names(target.getParent())).containsExactly("out.jsonl");
    }

    @Test
    void abortedOrFailedWritersKeepTheOldFileAndLeaveNoTemporary() throws IOException {
        Path target = Files.writeString(dir.resolve("out.jsonl"), "old\n");

        try (JsonlWriter writer = JsonlWriter.open(target)) {
            writer.write(json -> json.writeStringField("id", "a"));
            writer.abort();
        }
        assertThat(Files.readString(target)).isEqualTo("old\n");

        try (JsonlWriter writer = JsonlWriter.open(target)) {
            writer.write(json -> json.writeStringField("id", "a"));
            assertThatThrownBy(() -> writer.write(json -> {
                throw new IllegalArgumentException("rejected");
            })).hasMessage("rejected");
            assertThat(writer.lines()).isEqualTo(1);
        }
        assertThat(Files.readString(target)).isEqualTo("old\n");
        assertThat(names(dir)).containsExactly("out.jsonl");
    }

    @Test
    void refusesWritesAfterClose() {
        JsonlWriter writer = JsonlWriter.open(dir.resolve("out.jsonl"));
        writer.close();
        writer.close();
        assertThatThrownBy(() -> writer.write(json -> json.writeStringField("id", "a")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(dir.resolve("out.jsonl")).hasContent("");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
