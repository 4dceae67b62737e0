package org.momentgraph.server;

/** A request named a video that is not in the corpus. */
public class UnknownVideoException extends RuntimeException {

    private final String id;

    public UnknownVideoException(String id) {
        super("unknown video '" + id + "'");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
