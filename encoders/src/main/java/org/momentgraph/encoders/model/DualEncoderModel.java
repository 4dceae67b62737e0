package org.momentgraph.encoders.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole retriever + localiser for a paired training batch (query i belongs to video i):
 * {@link QueryEncoder}, {@link VideoEncoder}, {@link QueryAwareFusion}, {@link StreamScores} and
 * {@link ConvSE}. At search time the parts are used one by one (encode the corpus once, score
 * queries against it); see {@link #queryEncoder()} and friends.
 *
 * <p>Inputs: query tokens [B, T, queryDim], query mask [B, T], one array [B, L, D_s] per enabled
 * stream, clip mask [B, L]. Outputs, in {@link DualEncoderOutput} order: video scores [B, B],
 * paired clip scores [B, L], start logits [B, L], end logits [B, L], fused clip states [B, L, H].
 */
public class DualEncoderModel extends AbstractBlock {

    private final ModelConfig config;
    private final QueryEncoder query;
    private final VideoEncoder video;
    private final QueryAwareFusion fusion;
    private final ConvSE convSE;

    public DualEncoderModel(ModelConfig config) {
        this.config = config;
        query = addChildBlock("query", new QueryEncoder(config));
        video = addChildBlock("video", new VideoEncoder(config));
        fusion = addChildBlock("fusion", new QueryAwareFusion(config));
        convSE = addChildBlock("convSE", new ConvSE(config));
        // Xavier for matrices only: biases and norm parameters keep their zero/one defaults
        setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
    }

    public ModelConfig config() {
        return config;
    }

    public QueryEncoder queryEncoder() {
        return query;
    }

    public VideoEncoder videoEncoder() {
        return video;
    }

    public QueryAwareFusion fusion() {
        return fusion;
    }

    public ConvSE convSE() {
        return convSE;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        int streams = config.streamCount();
        if (inputs.size() != streams + 3) {
            throw new IllegalArgumentException("DualEncoderModel expects query tokens, query mask, " + streams
                    + " stream arrays " + config.streams() + " and a clip mask; got " + inputs.size() + " arrays");
        }
        NDList encodedQuery = query.forward(ps, new NDList(inputs.get(0), inputs.get(1)), training);
        NDArray streamQueries = encodedQuery.get(1);
        NDArray queryWeights = encodedQuery.get(2);

        NDArray clipMask = inputs.get(streams + 2);
        NDList videoInputs = new NDList(streams + 1);
        for (int s = 0; s < streams; s++) {
            videoInputs.add(inputs.get(2 + s));
        }
        videoInputs.add(clipMask);
        NDList encodedVideo = video.forward(ps, videoInputs, training);
        NDArray clipStates = encodedVideo.get(0);

        NDArray summaries = StreamScores.summaries(clipStates, clipMask);
        NDArray weights = fusion.forward(ps, new NDList(streamQueries, queryWeights, summaries), training).head();
        NDArray allClipScores = StreamScores.clipScores(streamQueries, clipStates, weights);
        NDArray videoScores = encodedVideo.size() > 1
                ? StreamScores.vectorScores(streamQueries, encodedVideo.get(1), weights)
                : StreamScores.videoScores(allClipScores, clipMask);
        NDArray pairedWeights = StreamScores.paired(weights);
        NDArray curve = StreamScores.paired(allClipScores);
        NDArray fused = StreamScores.fuseClips(clipStates, pairedWeights);
        NDList boundaries = convSE.forward(ps,
                ConvSE.inputs(config, curve, clipMask, streamQueries, clipStates, pairedWeights), training);
        return new NDList(videoScores, curve, boundaries.get(0), boundaries.get(1), fused);
    }

    /** Shapes of a paired batch, for {@link #initialize}: B pairs, T tokens, L clips. */
    public Shape[] inputShapes(long batch, long tokens, long clips) {
        List<Shape> shapes = new ArrayList<>();
        shapes.add(new Shape(batch, tokens, config.queryDim()));
        shapes.add(new Shape(batch, tokens));
        for (Stream stream : config.streams()) {
            shapes.add(new Shape(batch, clips, config.streamDim(stream)));
        }
        shapes.add(new Shape(batch, clips));
        return shapes.toArray(Shape[]::new);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] one = inputShapes(1, 1, config.convKernel());
        query.initialize(manager, dataType, one[0], one[1]);
        Shape[] videoShapes = new Shape[config.streamCount() + 1];
        System.arraycopy(one, 2, videoShapes, 0, videoShapes.length);
        video.initialize(manager, dataType, videoShapes);
        Shape streams = new Shape(1, config.streamCount(), config.hiddenSize());
        fusion.initialize(manager, dataType, streams, new Shape(1, config.streamCount()), streams);
        Shape curve = new Shape(1, config.convKernel());
        Shape states = new Shape(1, config.convKernel(), config.hiddenSize());
        Shape products = new Shape(1, config.convKernel(), (long) config.streamCount() * config.hiddenSize());
        convSE.initialize(manager, dataType, curve, curve, states, products);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long l = inputShapes[inputShapes.length - 1].get(1);
        Shape curve = new Shape(b, l);
        return new Shape[] {new Shape(b, b), curve, curve, curve, new Shape(b, l, config.hiddenSize())};
    }
}
