package org.momentgraph.encoders.modeldir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.momentgraph.domain.DataFormatException;

/**
 * {@code checksums.sha256} in {@code sha256sum} format ({@code <hex>  <name>} per line, names
 * relative to the directory), so {@code sha256sum -c checksums.sha256} checks a model directory too.
 */
public final class Checksums {

    public static final String FILE = "checksums.sha256";

    private Checksums() {
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the checksum file for every regular file of {@code dir} but itself, by name. */
    public static String of(Path dir) {
        StringBuilder text = new StringBuilder();
        for (Path file : files(dir)) {
            text.append(sha256(file)).append("  ").append(file.getFileName()).append('\n');
        }
        return text.toString();
    }

    /** Checks every listed file and that no file is unlisted; errors name the file. */
    public static void verify(Path dir) {
        Path list = dir.resolve(FILE);
        if (!Files.isRegularFile(list)) {
            throw new DataFormatException(list.toString(), "file", null, "missing: not a model directory, or it was "
                    + "not written completely");
        }
        Map<String, String> expected = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(list);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                int gap = line.indexOf("  ");
                if (gap != 64 || line.length() <= 66) {
                    throw DataFormatException.atLine(list.toString(), i + 1, null, "expected '<sha256 hex>  <file>'");
                }
                expected.put(line.substring(66), line.substring(0, 64));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + list, e);
        }
        for (Path file : files(dir)) {
            if (!expected.containsKey(file.getFileName().toString())) {
                throw new DataFormatException(file.toString(), "file", null, "not listed in " + FILE);
            }
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                throw new DataFormatException(file.toString(), "file", null, "listed in " + FILE + " but missing");
            }
            String actual = sha256(file);
            if (!actual.equals(e.getValue())) {
                throw new DataFormatException(file.toString(), "file", null, "SHA-256 mismatch: the file is corrupt "
                        + "or was changed after saving (expected " + e.getValue() + ", got " + actual + ")");
            }
        }
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(FILE))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
