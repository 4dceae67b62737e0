package org.momentgraph.server.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.momentgraph.server.corpus.DataRoot.PathRejectedException;

class DataRootTest {

    @TempDir
    Path tmp;
    Path root;
    DataRoot dataRoot;

    @BeforeEach
    void files() throws Exception {
        root = Files.createDirectories(tmp.resolve("data"));
        Files.createDirectories(root.resolve("features"));
        Files.writeString(root.resolve("features/a.npy"), "x");
        Files.writeString(tmp.resolve("secret.npy"), "s");
        Files.createSymbolicLink(root.resolve("escape.npy"), tmp.resolve("secret.npy"));
        Files.createSymbolicLink(root.resolve("inside.npy"), root.resolve("features/a.npy"));
        Files.createSymbolicLink(root.resolve("outdir"), tmp);
        dataRoot = new DataRoot(root);
    }

    @Test
    void resolvesRelativePathsAndSymlinksThatStayInside() throws Exception {
        Path real = root.toRealPath().resolve("features/a.npy");
        assertThat(dataRoot.resolve("f", "features/a.npy")).isEqualTo(real);
        assertThat(dataRoot.resolve("f", "./features//a.npy")).isEqualTo(real);
        assertThat(dataRoot.resolve("f", "inside.npy")).isEqualTo(real);
    }

    @Test
    void refusesDotDotAndAbsolutePathsAsBadRequests() {
        for (String bad : new String[] {"../secret.npy", "features/../../secret.npy", "features/..",
                tmp.resolve("secret.npy").toString(), "/etc/passwd", "", "a\0b", "~/x"}) {
            PathRejectedException e = catchThrowableOfType(PathRejectedException.class,
                    () -> dataRoot.resolve("features_path", bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.forbidden()).as(bad).isFalse();
            assertThat(e.field()).isEqualTo("features_path");
        }
    }

    @Test
    void symlinksOutOfTheRootAreForbidden() {
        for (String out : new String[] {"escape.npy", "outdir/secret.npy"}) {
            PathRejectedException e = catchThrowableOfType(PathRejectedException.class, () -> dataRoot.resolve("p", out));
            assertThat(e).as(out).isNotNull();
            assertThat(e.forbidden()).as(out).isTrue();
        }
    }

    @Test
    void missingFilesAndFoldersAreBadRequests() {
        assertThat(catchThrowableOfType(PathRejectedException.class, () -> dataRoot.resolve("p", "nope.npy")))
                .hasMessageContaining("no such file");
        assertThat(catchThrowableOfType(PathRejectedException.class, () -> dataRoot.resolve("p", "features")))
                .hasMessageContaining("not a regular file");
    }
}
