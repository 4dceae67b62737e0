package org.momentgraph.encoders.train;

import java.util.Map;
import org.momentgraph.encoders.inference.LoadedRetriever;

/**
 * Scores the model after an epoch through the inference path (e.g. SVMR R@1 and VR R@K on the
 * validation split). Keys become CSV columns and plot series; keep them stable across epochs.
 */
@FunctionalInterface
public interface EpochValidator {

    Map<String, Double> validate(LoadedRetriever retriever);
}
