package org.momentgraph.encoders.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * A 1D convolution with stride 1 and zero padding of {@code kernel / 2} on both sides (odd kernels
 * keep the length), computed as one matrix product over the unfolded input: the {@code kernel}
 * shifted copies of {@code [B, C, L]} stacked to {@code [B, C * kernel, L]}, times the weight
 * {@code [filters, C, kernel]} read as {@code [filters, C * kernel]}, plus the bias {@code [filters]}.
 *
 * <p>Why not DJL's {@code Conv1d}: with the PyTorch 2.7.1 CPU build this project runs on, the engine's
 * batched convolution returns wrong values for some shapes on this machine (AMD EPYC with AVX-512): a batch
 * of 2 with 257 channels, 50 steps, kernel 5 and 32 filters is off the definition by up to 7, while
 * each sample alone is right, so ConvSE trained and searched with a function that depended on its
 * batch-mates. Matrix products have no such path; {@code MatMulConv1dTest} checks this block against
 * the definition at those shapes. The encoding version differs from {@code Conv1d}'s, so weights
 * trained with the faulty convolution fail to load instead of loading silently.
 */
public class MatMulConv1d extends AbstractBlock {

    private static final byte VERSION = 9;

    private final int filters;
    private final int channels;
    private final int kernel;
    private final Parameter weight;
    private final Parameter bias;

    public MatMulConv1d(int channels, int filters, int kernel) {
        super(VERSION);
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("need an odd kernel, got " + kernel);
        }
        this.channels = channels;
        this.filters = filters;
        this.kernel = kernel;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(filters, channels, kernel)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(filters)).build());
    }

    public int filters() {
        return filters;
    }

    /** The weight {@code [filters, channels, kernel]} as a plain array (a copy). */
    public float[] weightValues() {
        return weight.getArray().toFloatArray();
    }

    /** The bias {@code [filters]} as a plain array (a copy). */
    public float[] biasValues() {
        return bias.getArray().toFloatArray();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow(); // [B, C, L]
        long b = x.getShape().get(0);
        long l = x.getShape().get(2);
        NDArray w = ps.getValue(weight, x.getDevice(), training).reshape(filters, (long) channels * kernel);
        NDArray bs = ps.getValue(bias, x.getDevice(), training).reshape(1, filters, 1);
        NDArray unfolded = x;
        if (kernel > 1) {
            int pad = kernel / 2;
            NDArray zeros = x.getManager().zeros(new Shape(b, channels, pad), x.getDataType());
            NDArray padded = NDArrays.concat(new NDList(zeros, x, zeros), 2); // [B, C, L + 2 pad]
            NDList taps = new NDList(kernel);
            for (int k = 0; k < kernel; k++) {
                taps.add(padded.get(":, :, " + k + ":" + (k + l)));
            }
            unfolded = NDArrays.stack(taps, 2).reshape(b, (long) channels * kernel, l); // channel c, tap k at c * K + k
        }
        return new NDList(w.matMul(unfolded).add(bs));
    }

    /** Weights of the engine's {@code Conv1d} (its version 3) are refused with the reason, not loaded. */
    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("ConvSE weights of encoding version " + loadVersion + " come from the "
                    + "engine's Conv1d, which computed a wrong convolution for batches on this CPU build; retrain the model");
        }
        readInputShapes(is);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), filters, in.get(2))};
    }
}
