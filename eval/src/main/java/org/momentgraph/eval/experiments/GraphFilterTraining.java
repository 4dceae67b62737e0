package org.momentgraph.eval.experiments;

import org.momentgraph.eval.filter.FilterCurves;
import org.momentgraph.eval.filter.FilterTrainer;

/**
 * How an experiment trains the graph clip filter ({@code "filter": {"type": "graph", "steps": 6000,
 * "hidden": 32, "rounds": 2, "seed": 7}}): the most {@link FilterTrainer} steps (training stops early on
 * held-out queries, usually well before), the network's hidden width and message-passing rounds, and the
 * initialisation seed. Width, rounds and seed default to those of {@code filter-curve}.
 */
public record GraphFilterTraining(int steps, int hidden, int rounds, long seed) {

    public GraphFilterTraining {
        if (steps < 1 || hidden < 1 || rounds < 1) {
            throw new IllegalArgumentException("need steps, hidden and rounds >= 1, got " + steps + ", " + hidden + ", "
                    + rounds);
        }
    }

    public static GraphFilterTraining defaults() {
        FilterCurves.Options o = FilterCurves.Options.defaults();
        return new GraphFilterTraining(FilterTrainer.MAX_STEPS, o.hidden(), o.rounds(), o.seed());
    }

    public FilterTrainer trainer() {
        return FilterTrainer.defaults(steps);
    }
}
