package org.momentgraph.server;

import java.nio.file.Path;

/** The single place where {@code momentgraph serve} gets its {@link MomentService}. */
public final class ServiceFactory {

    private ServiceFactory() {
    }

    /** Opens the engine with the model in {@code modelDir} over the corpus in {@code corpusDir}. */
    public static MomentService open(Path modelDir, Path corpusDir) {
        return MomentGraph.open(modelDir, corpusDir);
    }
}
