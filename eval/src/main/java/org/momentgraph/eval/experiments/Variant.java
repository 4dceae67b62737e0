package org.momentgraph.eval.experiments;

import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.model.ModelConfig;

/**
 * One model/pipeline setting of an experiment.
 *
 * @param name row label
 * @param graphStream train with the graph stream (synthetic only; TVR's one stream is the object stream)
 * @param filter the clip evidence of the search (screening, moment weighting, tuned VR term); NONE for none
 * @param model model hyper-parameters (stream widths are set from the data)
 * @param loss the loss terms
 */
public record Variant(String name, boolean graphStream, ClipFilterKind filter, ModelConfig model, LossConfig loss) {

    /** The config's own setting. */
    public static Variant full(ExperimentConfig config) {
        return new Variant("full", config.graph(), config.filter(), config.model(), config.loss());
    }

    /** The same setting under another name with another clip filter. */
    public Variant withFilter(String newName, ClipFilterKind kind) {
        return new Variant(newName, graphStream, kind, model, loss);
    }

    /** What the variant's model is trained from: variants with equal training share one trained model. */
    public Training training() {
        return new Training(graphStream, model, loss);
    }

    /** The training-relevant part of a variant. */
    public record Training(boolean graphStream, ModelConfig model, LossConfig loss) {
    }
}
