package org.momentgraph.eval.experiments;

import org.momentgraph.eval.filter.FilterCurves;
import org.momentgraph.eval.filter.FilterTrainer;

/**
 * How an experiment trains the graph clip filter ({@code "filter": {"type": "graph", "steps": 300,
 * "hidden": 32, "rounds": 2, "seed": 7}}): {@link FilterTrainer} steps, the network's hidden width and
 * message-passing rounds, and the initialisation seed. Defaults are those of {@code filter-curve}.
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
        return new GraphFilterTraining(o.trainer().steps(), o.hidden(), o.rounds(), o.seed());
    }

    public FilterTrainer trainer() {
        return FilterTrainer.defaults(steps);
    }
}
