package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Video side of the dual encoder: each clip stream (visual, subtitle, graph/object, as enabled in
 * the config) gets its own projection + transformer encoder, then an optional cross-stream
 * attention layer lets the streams read each other, and an optional NetVLAD per stream gives a
 * video-level vector.
 *
 * <p>Inputs: one feature array [B, L, D_s] per enabled stream in {@link ModelConfig#streams()}
 * order, then the clip mask [B, L]. Outputs: clip states [B, S, L, H] (zero at padded clips) and,
 * with NetVLAD on, video vectors [B, S, H].
 */
public class VideoEncoder extends AbstractBlock {

    private final ModelConfig config;
    private final List<Stream> streams;
    private final List<FeatureEncoder> encoders = new ArrayList<>();
    private final CrossStreamLayer crossStream;
    private final List<NetVladPooling> vlads = new ArrayList<>();

    public VideoEncoder(ModelConfig config) {
        this.config = config;
        this.streams = config.streams();
        for (Stream stream : streams) {
            encoders.add(addChildBlock(stream.name().toLowerCase(),
                    new FeatureEncoder(config.streamDim(stream), config)));
        }
        crossStream = config.crossStream() && streams.size() > 1
                ? addChildBlock("crossStream", new CrossStreamLayer(streams.size(), config))
                : null;
        if (config.netVladClusters() > 0) {
            for (Stream stream : streams) {
                vlads.add(addChildBlock(stream.name().toLowerCase() + "Vlad",
                        new NetVladPooling(config.netVladClusters(), config.hiddenSize())));
            }
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        int count = streams.size();
        if (inputs.size() != count + 1) {
            throw new IllegalArgumentException("VideoEncoder expects " + count + " stream arrays " + streams
                    + " and a clip mask, got " + inputs.size() + " arrays");
        }
        NDArray mask = inputs.get(count);
        NDList states = new NDList(count + 1);
        for (int s = 0; s < count; s++) {
            states.add(encoders.get(s).forward(ps, new NDList(inputs.get(s), mask), training).head());
        }
        if (crossStream != null) {
            states.add(mask);
            states = crossStream.forward(ps, states, training);
        }
        NDList outputs = new NDList(NDArrays.stack(states, 1));
        if (!vlads.isEmpty()) {
            NDList vectors = new NDList(count);
            for (int s = 0; s < count; s++) {
                vectors.add(vlads.get(s).forward(ps, new NDList(states.get(s), mask), training).head());
            }
            outputs.add(NDArrays.stack(vectors, 1));
        }
        return outputs;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape mask = new Shape(1, 1);
        Shape unit = new Shape(1, 1, config.hiddenSize());
        for (int s = 0; s < streams.size(); s++) {
            encoders.get(s).initialize(manager, dataType, new Shape(1, 1, config.streamDim(streams.get(s))), mask);
        }
        if (crossStream != null) {
            Shape[] shapes = new Shape[streams.size() + 1];
            for (int s = 0; s < streams.size(); s++) {
                shapes[s] = unit;
            }
            shapes[streams.size()] = mask;
            crossStream.initialize(manager, dataType, shapes);
        }
        for (NetVladPooling vlad : vlads) {
            vlad.initialize(manager, dataType, unit, mask);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long l = inputShapes[0].get(1);
        Shape clips = new Shape(b, streams.size(), l, config.hiddenSize());
        return vlads.isEmpty()
                ? new Shape[] {clips}
                : new Shape[] {clips, new Shape(b, streams.size(), config.hiddenSize())};
    }
}
