package org.momentgraph.encoders.inference;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Spreads the (query, video) pairs of one boundary-logits call over a few threads, the caller's
 * included: each thread scores a contiguous share with its own parameter store on the shared,
 * read-only model. The moment stage is hundreds of small native calls plus a convolution; one thread
 * runs them one after another, two run two shares at once. Pays off when PyTorch itself runs one
 * intra-op thread (as {@code bench search} and a busy server do); with more, the threads compete.
 */
final class PairWorkers implements AutoCloseable {

    /** Scores pairs {@code [from, to)} with a parameter store, returning one result per pair. */
    interface Share<T> {
        List<T> score(ParameterStore ps, int from, int to);
    }

    private final int workers;
    private final ParameterStore[] stores;
    private final ExecutorService pool;

    PairWorkers(NDManager manager, int workers) {
        if (workers < 2) {
            throw new IllegalArgumentException("pair workers need at least 2 threads, got " + workers);
        }
        this.workers = workers;
        this.stores = new ParameterStore[workers];
        for (int i = 0; i < workers; i++) {
            stores[i] = new ParameterStore(manager, false);
        }
        this.pool = Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, "momentgraph-pairs");
            t.setDaemon(true);
            return t;
        });
    }

    int workers() {
        return workers;
    }

    /** {@code share} over contiguous shares of {@code [0, n)}, results concatenated in pair order. */
    <T> List<T> run(int n, Share<T> share) {
        int w = Math.min(workers, n);
        List<Future<List<T>>> others = new ArrayList<>(w - 1);
        for (int i = 1; i < w; i++) {
            int from = (int) ((long) i * n / w);
            int to = (int) ((long) (i + 1) * n / w);
            ParameterStore ps = stores[i];
            others.add(pool.submit(() -> share.score(ps, from, to)));
        }
        List<T> out = new ArrayList<>(n);
        out.addAll(share.score(stores[0], 0, n / w));
        for (Future<List<T>> f : others) {
            out.addAll(join(f));
        }
        return out;
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring pairs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
