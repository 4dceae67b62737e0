package org.momentgraph.eval.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task's scores, percentages rounded as eval.py rounds them.
 *
 * @param recall   eval.py's keys: {@code "0.5-r1"} ... for VCMR/SVMR, {@code "r1"} ... for VR
 * @param byType   {@code "v-0.5-r1"} / {@code "v-r1"} ... per query type; empty when the queries are untyped
 * @param meanIou  mean top-1 IoU in percent (not an eval.py number): VCMR counts a wrong-video top-1 as
 *                 0, SVMR takes the first prediction in the query's video; NaN for VR
 */
public record TvrTaskScores(Map<String, Double> recall, Map<String, Double> byType, double meanIou) {

    public TvrTaskScores {
        recall = Collections.unmodifiableMap(new LinkedHashMap<>(recall));
        byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }
}
