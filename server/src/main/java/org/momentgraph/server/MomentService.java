package org.momentgraph.server;

import java.util.List;
import java.util.Optional;

/**
 * What the REST API and the viewer need from a MomentGraph search engine: video corpus moment
 * retrieval (VCMR), single video moment retrieval (SVMR), corpus management and relation graphs.
 *
 * <p>The engine implementation (graph filter + dual encoder + boundary detector) arrives with the
 * retriever module as {@code MomentGraph.open(modelDir, corpusDir)}; until then
 * {@link ServiceFactory#open} is the single place that will construct it. Everything around the
 * engine (REST API, viewer, command line, corpus store) is written against this interface only.
 *
 * <h2>Threading contract</h2>
 * Implementations must be thread-safe: the server calls every method from a pool of worker
 * threads at the same time (never from the event loop). Models are loaded once, when the service
 * is opened; a DJL {@code Predictor} must not be shared between threads, so an implementation
 * keeps a pool of predictors (or one per thread) rather than one shared predictor. Writes
 * ({@link #addVideo}, {@link #removeVideo}) may run concurrently with searches; a search sees the
 * corpus either before or after a write, never half of it.
 *
 * <h2>Errors</h2>
 * Bad arguments raise {@link InvalidInputException} (naming the field), unknown video ids raise
 * {@link UnknownVideoException}, an id that already exists raises {@link VideoExistsException}.
 * The REST layer maps them to 400, 404 and 409.
 *
 * <h2>Graph formats</h2>
 * {@code json} is node-link JSON as networkx {@code node_link_graph(data, edges="links")} reads it:
 * {@code {"directed": true, "multigraph": false, "graph": {}, "nodes": [{"id", "label", "kind"}],
 * "links": [{"source", "target", "relation"}]}}; {@code graphml} is GraphML XML and {@code dot} is
 * Graphviz DOT text.
 */
public interface MomentService extends AutoCloseable {

    /** Graph formats every implementation writes. */
    List<String> GRAPH_FORMATS = List.of("json", "graphml", "dot");

    /** VCMR: the {@code k} best moments in the whole corpus for {@code query}, best first. */
    List<SearchHit> search(String query, int k);

    /** SVMR: the {@code k} best moments in video {@code videoId} for {@code query}, best first. */
    List<SearchHit> localize(String videoId, String query, int k);

    /** Indexes and persists a video; when this returns the video is searchable and survives a restart. */
    VideoInfo addVideo(NewVideo video);

    /** Removes a video from the index and from disk; false when there was no such video. */
    boolean removeVideo(String id);

    /** Videos in the order they were added, {@code limit} of them starting at {@code offset}. */
    Page<VideoInfo> listVideos(int offset, int limit);

    /** The relation graph of a video's detections, in one of {@link #GRAPH_FORMATS}. */
    String videoGraph(String id, String format);

    /** The relation graph parsed from a query, grounded in a video's objects when one is given. */
    String queryGraph(String query, Optional<String> videoId, String format);

    /** What model is loaded and how big the corpus is. */
    Info info();

    /** Releases models and files; the service is unusable afterwards. */
    @Override
    void close();
}
