package org.momentgraph.eval.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.momentgraph.domain.DataFormatException;

/**
 * The index beside a corpus .npy: a TSV with a header line and one line per video --
 * {@code video_id, first_row, row_count, duration, clip_length} -- saying which rows are whose.
 * Held as parallel arrays so 100k videos cost a few MB.
 */
final class FeatureIndex {

    static final String HEADER = "video_id\tfirst_row\trow_count\tduration\tclip_length";
    private static final String[] FIELDS = HEADER.split("\t");

    final String[] ids;
    final long[] firstRows;
    final int[] rowCounts;
    final double[] durations;
    final double[] clipLengths;
    private final Map<String, Integer> positions;

    private FeatureIndex(String[] ids, long[] firstRows, int[] rowCounts, double[] durations, double[] clipLengths,
                         Map<String, Integer> positions) {
        this.ids = ids;
        this.firstRows = firstRows;
        this.rowCounts = rowCounts;
        this.durations = durations;
        this.clipLengths = clipLengths;
        this.positions = positions;
    }

    /** {@code corpus.npy} -> {@code corpus.index.tsv}. */
    static Path pathFor(Path npy) {
        String name = npy.getFileName().toString();
        String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        return npy.resolveSibling(stem + ".index.tsv");
    }

    /** {@code corpus.index.tsv} -> {@code corpus.npy}. */
    static Path npyFor(Path index) {
        String name = index.getFileName().toString();
        return index.resolveSibling(name.substring(0, name.length() - ".index.tsv".length()) + ".npy");
    }

    static String line(String id, long firstRow, int rowCount, double duration, double clipLength) {
        return id + '\t' + firstRow + '\t' + rowCount + '\t' + duration + '\t' + clipLength + '\n';
    }

    int size() {
        return ids.length;
    }

    /** Position of a video in the index, or -1. */
    int position(String id) {
        Integer at = positions.get(id);
        return at == null ? -1 : at;
    }

    /** One past the last row any video uses. */
    long endRow() {
        long end = 0;
        for (int i = 0; i < ids.length; i++) {
            end = Math.max(end, firstRows[i] + rowCounts[i]);
        }
        return end;
    }

    static FeatureIndex read(Path file) {
        String name = file.toString();
        int capacity = 1024;
        String[] ids = new String[capacity];
        long[] firstRows = new long[capacity];
        int[] rowCounts = new int[capacity];
        double[] durations = new double[capacity];
        double[] clipLengths = new double[capacity];
        Map<String, Integer> positions = new HashMap<>();
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw DataFormatException.atLine(name, 1, null, "expected header '" + HEADER.replace('\t', ' ') + "' (tab-separated)");
            }
            long lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != FIELDS.length) {
                    throw DataFormatException.atLine(name, lineNo, null, "has " + cells.length + " fields, expected " + FIELDS.length);
                }
                if (n == ids.length) {
                    capacity = ids.length * 2;
                    ids = Arrays.copyOf(ids, capacity);
                    firstRows = Arrays.copyOf(firstRows, capacity);
                    rowCounts = Arrays.copyOf(rowCounts, capacity);
                    durations = Arrays.copyOf(durations, capacity);
                    clipLengths = Arrays.copyOf(clipLengths, capacity);
                }
                ids[n] = cells[0];
                if (cells[0].isEmpty()) {
                    throw DataFormatException.atLine(name, lineNo, FIELDS[0], "empty");
                }
                firstRows[n] = count(name, lineNo, 1, cells[1], Long.MAX_VALUE);
                rowCounts[n] = (int) count(name, lineNo, 2, cells[2], Integer.MAX_VALUE);
                durations[n] = seconds(name, lineNo, 3, cells[3]);
                clipLengths[n] = seconds(name, lineNo, 4, cells[4]);
                if (positions.put(cells[0], n) != null) {
                    throw DataFormatException.atLine(name, lineNo, FIELDS[0], "video '" + cells[0] + "' appears twice");
                }
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new FeatureIndex(Arrays.copyOf(ids, n), Arrays.copyOf(firstRows, n), Arrays.copyOf(rowCounts, n),
                Arrays.copyOf(durations, n), Arrays.copyOf(clipLengths, n), positions);
    }

    private static long count(String file, long line, int field, String text, long max) {
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw DataFormatException.atLine(file, line, FIELDS[field], "'" + text + "' is not an integer");
        }
        if (value < 0 || value > max) {
            throw DataFormatException.atLine(file, line, FIELDS[field], "'" + text + "' is out of range 0.." + max);
        }
        return value;
    }

    private static double seconds(String file, long line, int field, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw DataFormatException.atLine(file, line, FIELDS[field], "'" + text + "' is not a number");
        }
        if (!(value > 0) || !Double.isFinite(value)) {
            throw DataFormatException.atLine(file, line, FIELDS[field], "'" + text + "' must be a positive number of seconds");
        }
        return value;
    }
}
