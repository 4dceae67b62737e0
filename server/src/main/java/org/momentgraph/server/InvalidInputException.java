package org.momentgraph.server;

/** An argument that cannot be used; names the field so a client can fix its request. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field == null ? problem : field + ": " + problem);
        this.field = field;
    }

    /** The offending field (a JSON key of the request), or null when the input as a whole is bad. */
    public String field() {
        return field;
    }
}
