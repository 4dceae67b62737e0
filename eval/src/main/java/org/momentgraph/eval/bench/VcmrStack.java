package org.momentgraph.eval.bench;

import java.util.List;
import org.momentgraph.domain.Moment;
import org.momentgraph.encoders.index.CorpusIndex;
import org.momentgraph.encoders.index.SearchHit;

/**
 * The query side and the moment stage of one VCMR search stack, as {@link SearchBenchmark} times
 * them: text features of a query (MiniLM), the query vector (the stack's query head), the vector the
 * video index is searched with, and the moments of the top videos. Nothing is cached between queries.
 */
interface VcmrStack extends AutoCloseable {

    /** Text features of benchmark query {@code q}: MiniLM token states or sentence embedding. */
    float[][] textFeatures(int q);

    /** The query vector from {@link #textFeatures}: what the stack stores and scores with. */
    float[] queryVector(float[][] features);

    /** The vector that video retrieval scans the index's video vectors with (dimension = index dim). */
    float[] searchVector(float[] queryVector);

    /** The moment stage over one corpus index. */
    Localizer localizer(CorpusIndex index);

    /** One line for the table caption. */
    String describe();

    @Override
    void close();

    /** Ranked moments of a query over the top video hits. */
    interface Localizer {
        List<Moment> localize(float[] queryVector, List<SearchHit> hits, int k);
    }
}
