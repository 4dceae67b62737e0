package org.momentgraph.encoders.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.momentgraph.encoders.loss.LossConfig.Term;
import org.momentgraph.encoders.model.DualEncoderModel;
import org.momentgraph.encoders.model.DualEncoderOutput;
import org.momentgraph.encoders.model.ModelConfig;
import org.momentgraph.encoders.testing.AdamSteps;
import org.momentgraph.encoders.testing.ToyBatch;

/** Gradients flow from every loss through the whole dual encoder: a few Adam steps lower it. */
class LossTrainingTest {

    private static final String[] TERMS = {"vr_hinge", "localization", "video_cl", "frame_cl", "intra_video_cl"};

    private static LossConfig only(String term) {
        Term[] terms = new Term[TERMS.length];
        for (int i = 0; i < TERMS.length; i++) {
            terms[i] = TERMS[i].equals(term) ? Term.on(1f) : Term.off();
        }
        return LossConfig.defaults().withTerms(terms[0], terms[1], terms[2], terms[3], terms[4]);
    }

    private static float[] train(ModelConfig config, LossConfig lossConfig, int steps) {
        ToyBatch toy = new ToyBatch(config, 6, 6, 12, 11);
        CombinedLoss loss = new CombinedLoss(lossConfig);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DualEncoderModel model = new DualEncoderModel(config);
            model.initialize(manager, DataType.FLOAT32, model.inputShapes(6, 6, 12));
            return AdamSteps.run(model, manager, steps, 3e-3f, (step, ps) -> {
                NDList inputs = toy.modelInputs(step);
                DualEncoderOutput out = DualEncoderOutput.of(model.forward(ps, inputs, true));
                return loss.compute(out, inputs.get(inputs.size() - 1), toy.startIndices(step), toy.endIndices(step))
                        .total();
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vr_hinge", "localization", "video_cl", "frame_cl", "intra_video_cl"})
    void eachLossFallsUnderAdam(String term) {
        float[] losses = train(ToyBatch.smallConfig(), only(term), 25);
        float first = losses[0];
        float last = Math.min(losses[losses.length - 1], losses[losses.length - 2]);
        assertThat(last).as("%s: %s", term, java.util.Arrays.toString(losses)).isLessThan(0.7f * first);
    }

    @Test
    void combinedLossSumsWeightedEnabledTermsAndReportsEach() {
        ModelConfig config = ToyBatch.smallConfig();
        ToyBatch toy = new ToyBatch(config, 4, 5, 10, 3);
        LossConfig lossConfig = LossConfig.defaults().withTerms(
                Term.on(1f), Term.on(0.5f), Term.off(), Term.on(2f), Term.on(0.25f));
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            DualEncoderModel model = new DualEncoderModel(config);
            model.initialize(manager, DataType.FLOAT32, model.inputShapes(4, 5, 10));
            NDList inputs = toy.modelInputs(manager);
            DualEncoderOutput out = DualEncoderOutput.of(
                    model.forward(new ai.djl.training.ParameterStore(manager, false), inputs, false));
            CombinedLoss.Result result = new CombinedLoss(lossConfig).compute(
                    out, inputs.get(inputs.size() - 1), toy.startIndices(manager), toy.endIndices(manager));
            Map<String, Float> values = result.values();
            assertThat(values.keySet()).containsExactly("total", "vr_hinge", "localization", "frame_cl", "intra_video_cl");
            float expected = values.get("vr_hinge") + 0.5f * values.get("localization")
                    + 2f * values.get("frame_cl") + 0.25f * values.get("intra_video_cl");
            assertThat(values.get("total")).isCloseTo(expected, within(1e-4f));
            assertThat(values.values()).allSatisfy(v -> assertThat(v).isFinite().isGreaterThanOrEqualTo(0f));
        }
    }
}
