package org.momentgraph.server;

/** An added video reuses the id of a video already in the corpus. */
public class VideoExistsException extends RuntimeException {

    public VideoExistsException(String id) {
        super("video '" + id + "' already exists; delete it first to replace it");
    }
}
