package org.momentgraph.eval.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.momentgraph.domain.AtomicFiles;

/**
 * Writes benchmark rows (records of numbers and plain strings) to a file, atomically: a JSON array of
 * objects when the name ends in {@code .json}, otherwise CSV with one column per record component.
 *
 * <pre>{@code
 * RecordRows.write(Path.of("runs/bench-search.csv"), rows);
 * }</pre>
 */
public final class RecordRows {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RecordRows() {
    }

    public static <R extends Record> void write(Path target, List<R> rows) {
        if (target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            AtomicFiles.write(target, out -> JSON.writeValue(out, rows));
        } else {
            AtomicFiles.writeString(target, csv(rows));
        }
    }

    /** CSV text: a header of component names, then one line per row; strings quoted when needed. */
    public static <R extends Record> String csv(List<R> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        RecordComponent[] columns = rows.get(0).getClass().getRecordComponents();
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns.length; c++) {
            sb.append(c > 0 ? "," : "").append(columns[c].getName());
        }
        sb.append('\n');
        for (R row : rows) {
            for (int c = 0; c < columns.length; c++) {
                sb.append(c > 0 ? "," : "").append(cell(value(columns[c], row)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static Object value(RecordComponent column, Record row) {
        try {
            return column.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + column.getName() + " of " + row, e);
        }
    }

    private static String cell(Object v) {
        String s = String.valueOf(v);
        if (v instanceof String && (s.contains(",") || s.contains("\"") || s.contains("\n"))) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
