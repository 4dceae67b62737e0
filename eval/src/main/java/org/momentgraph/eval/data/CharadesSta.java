package org.momentgraph.eval.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.momentgraph.domain.DataFormatException;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;

/**
 * Charades-STA annotation files as VSLNet distributes them: one query a line,
 * {@code VIDEO START END##sentence} with times in seconds. The files carry no ids and no video
 * durations, so a query's id is {@code <file stem>:<line>} (e.g. {@code charades_sta_test:17}) and
 * its duration is NaN unless a duration table is given. Blank lines are skipped.
 */
public final class CharadesSta {

    private static final String SEPARATOR = "##";
    /** Plain decimal numbers only: Double.parseDouble would also take "NaN", "1d" or hex. */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private CharadesSta() {
    }

    /** All queries of {@code path}, durations NaN. */
    public static List<Query> read(Path path) {
        return read(path, Map.of());
    }

    /** All queries of {@code path}, each with its video's duration from {@code durations} (NaN if absent). */
    public static List<Query> read(Path path, Map<String, Double> durations) {
        String file = path.toString();
        String stem = stem(path);
        List<Query> queries = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            long number = 0;
            String line;
            while (true) {
                try {
                    line = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw DataFormatException.atLine(file, number + 1, null, "not valid UTF-8 text");
                }
                if (line == null) {
                    break;
                }
                number++;
                if (!line.isBlank()) {
                    queries.add(parse(line, file, number, stem + ":" + number, durations));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return queries;
    }

    private static Query parse(String line, String file, long number, String id, Map<String, Double> durations) {
        int separator = line.indexOf(SEPARATOR);
        if (separator < 0) {
            throw DataFormatException.atLine(file, number, "##", "expected 'VIDEO START END##sentence', found no '##' in "
                    + JsonFields.quote(line));
        }
        if (line.indexOf(SEPARATOR, separator + SEPARATOR.length()) >= 0) {
            throw DataFormatException.atLine(file, number, "##", "expected one '##', found more in " + JsonFields.quote(line));
        }
        String[] head = line.substring(0, separator).trim().split("\\s+");
        if (head.length != 3 || head[0].isEmpty()) {
            String field = head.length < 1 || head[0].isEmpty() ? "video" : head.length < 2 ? "start" : head.length < 3 ? "end" : "##";
            throw DataFormatException.atLine(file, number, field, "expected 'VIDEO START END' before '##', got "
                    + JsonFields.quote(line.substring(0, separator)));
        }
        double start = seconds(head[1], file, number, "start");
        double end = seconds(head[2], file, number, "end");
        if (end < start) {
            throw DataFormatException.atLine(file, number, "end", "expected start <= end, got start " + start + " > end " + end);
        }
        String sentence = line.substring(separator + SEPARATOR.length()).trim();
        if (sentence.isEmpty()) {
            throw DataFormatException.atLine(file, number, "sentence", "expected a sentence after '##', got nothing");
        }
        double duration = durations.getOrDefault(head[0], Double.NaN);
        return new Query(id, sentence, head[0], duration, List.of(new Span(start, end)), "");
    }

    private static double seconds(String token, String file, long number, String field) {
        if (!NUMBER.matcher(token).matches()) {
            throw DataFormatException.atLine(file, number, field, "expected a number, got string " + JsonFields.quote(token));
        }
        double value = Double.parseDouble(token);
        if (!Double.isFinite(value) || value < 0) {
            throw DataFormatException.atLine(file, number, field, "expected a finite number >= 0, got " + token);
        }
        return value;
    }

    private static String stem(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
