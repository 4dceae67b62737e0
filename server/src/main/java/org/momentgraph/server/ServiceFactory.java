package org.momentgraph.server;

import java.nio.file.Path;

/**
 * The single place where {@code momentgraph serve} gets its {@link MomentService}. The engine
 * (relation-graph filter + dual encoder + boundary detector) is not in this build yet; when the
 * retriever lands, this method becomes {@code return MomentGraph.open(modelDir, corpusDir);}.
 */
public final class ServiceFactory {

    private ServiceFactory() {
    }

    /** Opens the engine with the model in {@code modelDir} over the corpus in {@code corpusDir}. */
    public static MomentService open(Path modelDir, Path corpusDir) {
        throw new EngineUnavailableException("the MomentGraph search engine (graph filter + dual encoder"
                + " + boundary detector) is not part of this build yet, so there is no model to serve from "
                + modelDir + " over " + corpusDir + ". It arrives with the retriever as MomentGraph.open(modelDir,"
                + " corpusDir), wired in org.momentgraph.server.ServiceFactory.open. Until then embed the server"
                + " with MomentGraphServer.start(yourService, config).");
    }

    /** Thrown while no engine implementation is available. */
    public static final class EngineUnavailableException extends RuntimeException {
        public EngineUnavailableException(String message) {
            super(message);
        }
    }
}
