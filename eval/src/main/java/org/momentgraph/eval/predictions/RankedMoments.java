package org.momentgraph.eval.predictions;

import java.util.List;
import org.momentgraph.domain.Moment;

/**
 * One query's predictions, best first. The list order is the ranking: evaluators never re-sort by
 * {@link Moment#score()}, which is kept only as a record (NaN where a file gave none).
 *
 * @param queryId   the query's id (TVR desc_id as a string)
 * @param queryText the sentence, or "" where the file omits it
 * @param moments   the ranked predictions
 */
public record RankedMoments(String queryId, String queryText, List<Moment> moments) {

    public RankedMoments {
        if (queryId == null) {
            throw new IllegalArgumentException("queryId must not be null");
        }
        queryText = queryText == null ? "" : queryText;
        moments = List.copyOf(moments);
    }
}
