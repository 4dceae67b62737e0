package org.momentgraph.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.momentgraph.domain.DataFormatException;

/** Writes a broken input file and reads it back, for the readers' error-report tests. */
final class BadFiles {

    private BadFiles() {
    }

    /** Writes {@code content} to {@code file}, reads it with {@code reader} and returns the DataFormatException it must throw. */
    static DataFormatException failure(Path file, String content, Consumer<Path> reader) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DataFormatException e = catchThrowableOfType(DataFormatException.class, () -> reader.accept(file));
        assertThat(e).as("DataFormatException for %s", content).isNotNull();
        return e;
    }

    /** Checks that {@code e} names the file {@code file}, the field {@code field} and says {@code problem}. */
    static void assertNames(DataFormatException e, Path file, String field, String problem) {
        assertThat(e.file()).endsWith(file.getFileName().toString());
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).contains(problem);
    }
}
