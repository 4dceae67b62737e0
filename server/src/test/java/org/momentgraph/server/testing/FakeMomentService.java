package org.momentgraph.server.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.server.Explanation;
import org.momentgraph.server.Info;
import org.momentgraph.server.InvalidInputException;
import org.momentgraph.server.MomentService;
import org.momentgraph.server.NewVideo;
import org.momentgraph.server.Page;
import org.momentgraph.server.SearchHit;
import org.momentgraph.server.UnknownVideoException;
import org.momentgraph.server.VideoInfo;
import org.momentgraph.server.corpus.CorpusStore;

/**
 * A deterministic stand-in for the engine, for testing the server layer: videos live in a real
 * {@link CorpusStore}; a moment is the clip of a frame whose detected labels share words with the
 * query, scored by the share of query words it covers. Not a retrieval model.
 */
public final class FakeMomentService implements MomentService {

    private final CorpusStore store;
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final Set<String> callerThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public FakeMomentService(CorpusStore store) {
        this.store = store;
    }

    /** The next call throws this (to test how the server survives engine failures). */
    public void failNextCall(RuntimeException failure) {
        nextFailure.set(failure);
    }

    public int calls() {
        return calls.get();
    }

    /** Names of the threads that called the service. */
    public Set<String> callerThreads() {
        return Set.copyOf(callerThreads);
    }

    public boolean closed() {
        return closed;
    }

    public CorpusStore store() {
        return store;
    }

    @Override
    public List<SearchHit> search(String query, int k) {
        enter();
        List<SearchHit> hits = new ArrayList<>();
        for (VideoInfo v : store.all()) {
            hits.addAll(moments(v, query));
        }
        return best(hits, k);
    }

    @Override
    public List<SearchHit> localize(String videoId, String query, int k) {
        enter();
        VideoInfo v = store.find(videoId).orElseThrow(() -> new UnknownVideoException(videoId));
        return best(moments(v, query), k);
    }

    @Override
    public VideoInfo addVideo(NewVideo video) {
        enter();
        return store.add(video);
    }

    @Override
    public boolean removeVideo(String id) {
        enter();
        return store.remove(id);
    }

    @Override
    public Page<VideoInfo> listVideos(int offset, int limit) {
        enter();
        return store.list(offset, limit);
    }

    @Override
    public String videoGraph(String id, String format) {
        enter();
        SimpleGraph g = new SimpleGraph();
        for (FrameDetections f : store.detections(id)) {
            List<String> labels = f.objects().stream().map(Detection::label).distinct().toList();
            labels.forEach(l -> g.node(l, l, "object"));
            for (int i = 0; i + 1 < labels.size(); i++) {
                g.link(labels.get(i), labels.get(i + 1), "co-occurs");
            }
        }
        return g.write(format);
    }

    @Override
    public String queryGraph(String query, Optional<String> videoId, String format) {
        enter();
        SimpleGraph g = new SimpleGraph();
        List<String> words = words(query);
        for (int i = 0; i < words.size(); i++) {
            g.node("q:" + words.get(i), words.get(i), "query");
            if (i > 0) {
                g.link("q:" + words.get(i - 1), "q:" + words.get(i), "next");
            }
        }
        if (videoId.isPresent()) {
            Set<String> labels = labels(videoId.get());
            for (String w : words) {
                if (labels.contains(w)) {
                    g.node(w, w, "object");
                    g.link("q:" + w, w, "grounds");
                }
            }
        }
        return g.write(format);
    }

    @Override
    public Info info() {
        enter();
        return new Info("fake-word-overlap", store.size(), "test");
    }

    @Override
    public void close() {
        closed = true;
    }

    private void enter() {
        calls.incrementAndGet();
        callerThreads.add(Thread.currentThread().getName());
        RuntimeException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException("service closed");
        }
    }

    private List<SearchHit> moments(VideoInfo v, String query) {
        List<String> words = words(query);
        if (words.isEmpty()) {
            throw new InvalidInputException("query", "has no words");
        }
        Set<String> videoLabels = labels(v.id());
        double vrScore = words.stream().filter(videoLabels::contains).count() / (double) words.size();
        ClipGrid grid = new ClipGrid(v.duration(), v.clipLength());
        List<SearchHit> out = new ArrayList<>();
        for (FrameDetections f : store.detections(v.id())) {
            List<Explanation.Match> matches = new ArrayList<>();
            for (Detection d : f.objects()) {
                if (words.contains(d.label())) {
                    matches.add(new Explanation.Match("q:" + d.label(), d.label(), null, d.score()));
                }
            }
            if (matches.size() >= 2) {
                matches.add(new Explanation.Match("q:" + matches.get(0).videoNode() + "-" + matches.get(1).videoNode(),
                        matches.get(0).videoNode(), "co-occurs", 0.5));
            }
            if (!matches.isEmpty()) {
                int clip = grid.clipAt(f.t());
                double share = matches.stream().filter(m -> m.relation() == null).count() / (double) words.size();
                out.add(new SearchHit(v.id(), grid.clipStart(clip), grid.clipEnd(clip), share * vrScore, vrScore,
                        new Explanation(matches)));
            }
        }
        return out;
    }

    private Set<String> labels(String videoId) {
        Set<String> labels = new LinkedHashSet<>();
        store.detections(videoId).forEach(f -> f.objects().forEach(d -> labels.add(d.label())));
        return labels;
    }

    private static List<String> words(String query) {
        return List.of(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).stream()
                .filter(w -> !w.isEmpty()).distinct().toList();
    }

    private static List<SearchHit> best(List<SearchHit> hits, int k) {
        return hits.stream()
                .sorted(Comparator.comparingDouble(SearchHit::score).reversed()
                        .thenComparing(SearchHit::video).thenComparingDouble(SearchHit::start))
                .limit(k).toList();
    }
}
