package org.momentgraph.encoders.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.LinkedHashMap;
import java.util.Map;
import org.momentgraph.domain.DataFormatException;

/**
 * Adam whose state (first and second moment of every parameter, and the update counts) can be
 * saved with a checkpoint and restored, so a resumed run continues exactly where it stopped. DJL's
 * {@code Adam} keeps that state private; this one runs the same update (the engine's fused
 * {@code adamUpdate} with the arguments {@code Adam} passes, bias correction from the largest update
 * count as DJL's {@code Optimizer} counts it), so runs are unchanged. Parameters are keyed by the
 * names the caller gives (a model's parameter paths), which stay the same across processes, unlike
 * DJL's random parameter ids.
 *
 * <pre>{@code
 * ResumableAdam adam = ResumableAdam.builder().optLearningRateTracker(schedule).optClipGrad(1f).build();
 * adam.update("01encoder_weight", weight, gradient);
 * byte[] saved = adam.state(manager).encode();               // with the checkpoint
 * adam.restore(NDList.decode(manager, saved), "optimizer.params");
 * }</pre>
 */
public final class ResumableAdam extends Optimizer {

    private static final String MEAN = "mean/";
    private static final String VARIANCE = "variance/";
    private static final String COUNT = "count/";
    /** DJL's Adam defaults, which training has always used. */
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final ParameterTracker learningRate;
    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int numUpdate;

    private ResumableAdam(Builder b) {
        super(b);
        this.learningRate = b.learningRate;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameter, NDArray weight, NDArray gradient) {
        numUpdate = Math.max(numUpdate, counts.merge(parameter, 1, Integer::sum));
        int t = numUpdate;
        float lr = learningRate.getNewValue(parameter, t);
        float corrected = (float) (lr * Math.sqrt(1.0 - Math.pow(BETA2, t)) / (1.0 - Math.pow(BETA1, t)));
        if (!Float.isFinite(corrected) || !Float.isFinite(getWeightDecay())) {
            throw new IllegalStateException("learning rate or weight decay is NaN or infinite at update " + t);
        }
        NDArray mean = means.computeIfAbsent(parameter, k -> weight.zerosLike());
        NDArray variance = variances.computeIfAbsent(parameter, k -> weight.zerosLike());
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, gradient, mean, variance), new NDList(weight), lr,
                corrected, getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
    }

    /** The state as named arrays ({@code mean/P}, {@code variance/P}, {@code count/P}), for {@link NDList#encode()}. */
    public NDList state(NDManager manager) {
        NDList out = new NDList();
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            String p = c.getKey();
            out.add(named(means.get(p), MEAN + p));
            out.add(named(variances.get(p), VARIANCE + p));
            out.add(named(manager.create(new int[] {c.getValue()}), COUNT + p));
        }
        return out;
    }

    /**
     * Replaces the state with a saved one; its arrays must stay open while training goes on (decode
     * them into the training's manager). {@code source} names the file in errors.
     */
    public void restore(NDList state, String source) {
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray a : state) {
            if (a.getName() == null) {
                throw new DataFormatException(source, "array", null, "optimizer state array without a name");
            }
            byName.put(a.getName(), a);
        }
        means.clear();
        variances.clear();
        counts.clear();
        numUpdate = 0;
        for (Map.Entry<String, NDArray> e : byName.entrySet()) {
            if (!e.getKey().startsWith(COUNT)) {
                continue;
            }
            String p = e.getKey().substring(COUNT.length());
            NDArray mean = byName.get(MEAN + p);
            NDArray variance = byName.get(VARIANCE + p);
            if (mean == null || variance == null || !mean.getShape().equals(variance.getShape())) {
                throw new DataFormatException(source, "parameter " + p, null,
                        "needs a mean and a variance of the same shape");
            }
            int count = e.getValue().toIntArray()[0];
            means.put(p, mean);
            variances.put(p, variance);
            counts.put(p, count);
            numUpdate = Math.max(numUpdate, count);
        }
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    /** The learning-rate tracker (default 0.001) and {@link OptimizerBuilder}'s gradient clipping and decay. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private ParameterTracker learningRate = ai.djl.training.tracker.Tracker.fixed(0.001f);

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        public Builder optLearningRateTracker(ParameterTracker tracker) {
            this.learningRate = tracker;
            return this;
        }

        public ResumableAdam build() {
            return new ResumableAdam(this);
        }
    }
}
