package org.momentgraph.eval.experiments;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.encoders.loss.LossConfig;
import org.momentgraph.encoders.loss.LossConfig.Term;
import org.momentgraph.encoders.model.ModelConfig;

/**
 * The ablation variants of a config: full; without the clip filter ("no graph filter" when the config's
 * filter is the trained graph filter); without the graph stream; without both graph parts; without each
 * contrastive loss (VideoCL, FrameCL, VVCL); without query-aware fusion.
 * Variants that would equal "full" (e.g. no graph stream on TVR, whose one stream is the object stream)
 * are left out. Variants with equal {@link Variant#training()} share one trained model
 * ({@link ExperimentRunner}).
 */
public final class Ablations {

    private Ablations() {
    }

    public static List<Variant> of(ExperimentConfig config) {
        Variant full = Variant.full(config);
        ModelConfig m = full.model();
        LossConfig l = full.loss();
        List<Variant> out = new ArrayList<>(List.of(full));
        ClipFilterKind filter = full.filter();
        if (filter.enabled()) {
            out.add(full.withFilter(filter == ClipFilterKind.GRAPH ? "no graph filter" : "no clip filter",
                    ClipFilterKind.NONE));
        }
        if (full.graphStream()) {
            out.add(new Variant("no graph stream", false, filter, m, l));
        }
        if (full.graphStream() && filter.enabled()) {
            out.add(new Variant("no graph (stream + filter)", false, ClipFilterKind.NONE, m, l));
        }
        if (l.videoContrastive().enabled()) {
            out.add(new Variant("no VideoCL", full.graphStream(), filter, m, l.withTerms(l.videoHinge(),
                    l.localization(), Term.off(), l.frameContrastive(), l.intraVideoContrastive())));
        }
        if (l.frameContrastive().enabled()) {
            out.add(new Variant("no FrameCL", full.graphStream(), filter, m, l.withTerms(l.videoHinge(),
                    l.localization(), l.videoContrastive(), Term.off(), l.intraVideoContrastive())));
        }
        if (l.intraVideoContrastive().enabled()) {
            out.add(new Variant("no VVCL", full.graphStream(), filter, m, l.withTerms(l.videoHinge(),
                    l.localization(), l.videoContrastive(), l.frameContrastive(), Term.off())));
        }
        if (m.queryAwareFusion()) {
            out.add(new Variant("no QCF", full.graphStream(), filter, new ModelConfig(m.queryDim(),
                    m.visualDim(), m.subtitleDim(), m.graphDim(), m.hiddenSize(), m.layers(), m.heads(), m.ffnSize(),
                    m.dropout(), m.positions(), m.maxPositions(), m.crossStream(), m.queryStreamWeights(), false,
                    m.netVladClusters(), m.convChannels(), m.convKernel(), m.convUseClipStates(), m.convQueryProducts()), l));
        }
        return out;
    }

    /** The two variants of the graph comparison: full, and no graph stream and no clip filter. */
    public static List<Variant> graphComparison(ExperimentConfig config) {
        Variant full = Variant.full(config);
        return List.of(full, new Variant("no graph (stream + filter)", false, ClipFilterKind.NONE, full.model(),
                full.loss()));
    }
}
