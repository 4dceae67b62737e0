package org.momentgraph.server.api;

/** A request the API refuses, with the HTTP status to answer and the offending field (or null). */
final class ApiError extends RuntimeException {

    private final int status;
    private final String field;

    ApiError(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
