package org.momentgraph.server;

import java.util.List;

/** A slice of a longer list: {@code items} start at {@code offset}; {@code total} counts the whole list. */
public record Page<T>(List<T> items, int offset, int limit, int total) {

    public Page {
        items = List.copyOf(items);
    }

    /** The slice [offset, offset + limit) of a list. */
    public static <T> Page<T> of(List<T> all, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new InvalidInputException(offset < 0 ? "offset" : "limit", "must be >= 0");
        }
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return new Page<>(all.subList(from, to), offset, limit, all.size());
    }
}
