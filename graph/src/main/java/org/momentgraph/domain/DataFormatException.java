package org.momentgraph.domain;

/**
 * A record of an input file that cannot be read. It names the file, the line (or JSON path) and the
 * field, so a user can find and fix the record.
 */
public class DataFormatException extends RuntimeException {

    private final String file;
    private final String location;
    private final String field;

    public DataFormatException(String file, String location, String field, String problem) {
        this(file, location, field, problem, null);
    }

    public DataFormatException(String file, String location, String field, String problem, Throwable cause) {
        super(file + ":" + location + (field == null ? "" : " field '" + field + "'") + ": " + problem, cause);
        this.file = file;
        this.location = location;
        this.field = field;
    }

    /** For line-oriented files. */
    public static DataFormatException atLine(String file, long line, String field, String problem) {
        return new DataFormatException(file, "line " + line, field, problem);
    }

    public String file() {
        return file;
    }

    /** "line N" for line-oriented files, a JSON path such as "$[3].bbox" otherwise. */
    public String location() {
        return location;
    }

    public String field() {
        return field;
    }
}
