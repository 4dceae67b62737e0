package org.momentgraph.server.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.momentgraph.encoders.inference.LoadedRetriever;
import org.momentgraph.encoders.text.MiniLmTextEncoder;

/**
 * A fixed set of {@link LoadedRetriever}s over one model directory. A retriever is not thread-safe
 * (its DJL blocks share one parameter store), so each call borrows one exclusively and gives it
 * back; callers beyond the pool size wait. All retrievers share one thread-safe MiniLM encoder.
 */
final class RetrieverPool implements AutoCloseable {

    private final List<LoadedRetriever> all;
    private final BlockingQueue<LoadedRetriever> idle;

    private RetrieverPool(List<LoadedRetriever> all) {
        this.all = List.copyOf(all);
        this.idle = new ArrayBlockingQueue<>(all.size(), false, all);
    }

    /** Loads {@code size} copies of the model (each verifies the directory's checksums). */
    static RetrieverPool load(Path modelDir, MiniLmTextEncoder text, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a retriever pool needs at least one retriever, got " + size);
        }
        List<LoadedRetriever> loaded = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                loaded.add(LoadedRetriever.load(modelDir, text));
            }
        } catch (RuntimeException e) {
            loaded.forEach(LoadedRetriever::close);
            throw e;
        }
        return new RetrieverPool(loaded);
    }

    int size() {
        return all.size();
    }

    /** Any retriever, for reading its configuration (never for running it). */
    LoadedRetriever any() {
        return all.get(0);
    }

    /** Runs {@code work} with a retriever no other thread uses meanwhile. */
    <T> T call(Function<LoadedRetriever, T> work) {
        LoadedRetriever r;
        try {
            r = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free model instance", e);
        }
        try {
            return work.apply(r);
        } finally {
            idle.add(r);
        }
    }

    @Override
    public void close() {
        all.forEach(LoadedRetriever::close);
    }
}
