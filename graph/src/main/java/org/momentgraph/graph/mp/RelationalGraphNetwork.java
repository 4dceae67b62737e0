package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Multimodal relation-graph network (after MMRG, CVPR 2021): relation-aware message passing inside
 * the clip's object graph and the query's word graph, cross-modal attention between them, then a
 * per-(query, clip) relevance logit.
 *
 * <p>Entity query nodes are matched against object nodes; predicate query nodes against relation
 * (edge) states, so "puts down the cup" and "picks up the cup" score differently on the same
 * objects. Objects that no entity query node supports are pruned softly: edge evidence is weighted
 * by the support of both endpoints, so the clip's evidence is the interaction the query names.
 *
 * <p>Input: the NDList of {@link GraphBatch}. Output: logits [B].
 */
public final class RelationalGraphNetwork extends AbstractBlock {

    /** Query node kinds, as one-hot indices in {@link GraphBatch}. */
    public static final int KIND_ENTITY = 0;
    public static final int KIND_PREDICATE = 1;

    private final GraphNetworkConfig config;
    private final Linear videoIn;
    private final Linear queryIn;
    private final Linear edgeIn;
    private final List<Linear> videoMessage = new ArrayList<>();
    private final List<Linear> videoUpdate = new ArrayList<>();
    private final List<Linear> queryMessage = new ArrayList<>();
    private final List<Linear> queryUpdate = new ArrayList<>();
    private final List<Linear> crossValue = new ArrayList<>();
    private final Linear edgeState;
    private final Linear nodeImportance;
    private final Linear kindMix;
    private final Linear output;

    public RelationalGraphNetwork(GraphNetworkConfig config) {
        this.config = config;
        int h = config.hidden();
        videoIn = addChildBlock("videoIn", linear(h));
        queryIn = addChildBlock("queryIn", linear(h));
        edgeIn = addChildBlock("edgeIn", linear(h));
        for (int l = 0; l < config.rounds(); l++) {
            videoMessage.add(addChildBlock("videoMessage" + l, linear(h)));
            videoUpdate.add(addChildBlock("videoUpdate" + l, linear(h)));
            queryMessage.add(addChildBlock("queryMessage" + l, linear(h)));
            queryUpdate.add(addChildBlock("queryUpdate" + l, linear(h)));
            crossValue.add(addChildBlock("crossValue" + l, linear(h)));
        }
        edgeState = addChildBlock("edgeState", linear(h));
        nodeImportance = addChildBlock("nodeImportance", linear(1));
        kindMix = addChildBlock("kindMix", linear(2));
        output = addChildBlock("output", linear(1));
    }

    private static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    public GraphNetworkConfig config() {
        return config;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int h = config.hidden();
        videoIn.initialize(manager, dataType, new Shape(1, config.videoNodeDim()));
        queryIn.initialize(manager, dataType, new Shape(1, config.queryNodeDim()));
        edgeIn.initialize(manager, dataType, new Shape(1, config.edgeDim()));
        for (int l = 0; l < config.rounds(); l++) {
            videoMessage.get(l).initialize(manager, dataType, new Shape(1, h));
            videoUpdate.get(l).initialize(manager, dataType, new Shape(1, 2 * h));
            queryMessage.get(l).initialize(manager, dataType, new Shape(1, h));
            queryUpdate.get(l).initialize(manager, dataType, new Shape(1, 2 * h));
            crossValue.get(l).initialize(manager, dataType, new Shape(1, h));
        }
        edgeState.initialize(manager, dataType, new Shape(1, 3 * h));
        nodeImportance.initialize(manager, dataType, new Shape(1, h));
        kindMix.initialize(manager, dataType, new Shape(1, config.queryKinds()));
        output.initialize(manager, dataType, new Shape(1, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        GraphState s = encode(ps, in, training);
        return new NDList(score(ps, s, training).logits());
    }

    /** Runs message passing and returns node and edge states (for scoring and explanations). */
    public GraphState encode(ParameterStore ps, NDList in, boolean training) {
        NDArray vMask = in.get(1);
        NDArray eMask = in.get(3);
        NDArray qMask = in.get(5);
        NDArray qAdj = in.get(7);
        NDArray hv = Tensors.normalize(apply(videoIn, ps, in.get(0), training));
        NDArray hq = Tensors.normalize(apply(queryIn, ps, in.get(4), training));
        // relation-aware gate per ordered pair: how much of j's state flows to i under this relation
        NDArray gate = Activation.sigmoid(apply(edgeIn, ps, in.get(2), training));
        NDArray vDegree = eMask.sum(new int[] {2}, true).add(1); // [B,N,1]
        NDArray qDegree = qAdj.add(qAdj.transpose(0, 2, 1)).sum(new int[] {2}, true).add(1);
        NDArray qSym = qAdj.add(qAdj.transpose(0, 2, 1)).clip(0, 1);
        float scale = (float) (1 / Math.sqrt(config.hidden()));
        for (int l = 0; l < config.rounds(); l++) {
            NDArray neighbours = apply(videoMessage.get(l), ps, hv, training).expandDims(1); // [B,1,N,H]
            NDArray vMsg = gate.mul(neighbours).mul(eMask.expandDims(3)).sum(new int[] {2}).div(vDegree);
            NDArray qMsg = qSym.matMul(apply(queryMessage.get(l), ps, hq, training)).div(qDegree);
            // cross-modal attention: each object reads the query words it resembles
            NDArray attn = hv.matMul(hq.transpose(0, 2, 1)).mul(scale)
                    .add(qMask.expandDims(1).sub(1).mul(-Tensors.NEG)).softmax(-1);
            NDArray cross = attn.matMul(apply(crossValue.get(l), ps, hq, training));
            NDArray vNext = apply(videoUpdate.get(l), ps, hv.concat(vMsg.add(cross), -1), training);
            NDArray qNext = apply(queryUpdate.get(l), ps, hq.concat(qMsg, -1), training);
            hv = Tensors.normalize(hv.add(Activation.relu(vNext))).mul(vMask.expandDims(2));
            hq = Tensors.normalize(hq.add(Activation.relu(qNext))).mul(qMask.expandDims(2));
        }
        long n = hv.getShape().get(1);
        NDArray hi = hv.expandDims(2).repeat(2, n);
        NDArray hj = hv.expandDims(1).repeat(1, n);
        NDArray he = Activation.relu(apply(edgeState, ps, hi.concat(hj, -1).concat(gate.mul(2).sub(1), -1), training));
        return new GraphState(hv, hq, he, vMask, eMask, qMask, in.get(6));
    }

    /** Scores a clip for a query from the encoded states. */
    public GraphScores score(ParameterStore ps, GraphState s, boolean training) {
        NDArray qUnit = Tensors.unit(s.queryNodes()); // [B,M,H]
        NDArray nodeSim = qUnit.matMul(Tensors.unit(s.videoNodes()).transpose(0, 2, 1)); // [B,M,N]
        NDArray vMask = s.videoMask().expandDims(1);
        NDArray nodeScore = Tensors.maskedMax(nodeSim, vMask, 2); // [B,M]
        // query support of each object, from entity query nodes: MMRG's pruning of irrelevant objects
        NDArray entity = s.queryKinds().get(":, :, " + KIND_ENTITY).mul(s.queryMask()); // [B,M]
        NDArray support = Tensors.maskedMax(nodeSim.mul(config.pruneTemperature()), entity.expandDims(2), 1);
        NDArray supportGate = Activation.sigmoid(support).mul(s.videoMask()); // [B,N]
        NDArray pairSupport = supportGate.expandDims(2).mul(supportGate.expandDims(1)).mul(s.edgeMask()); // [B,N,N]
        long b = s.edges().getShape().get(0);
        long n = s.edges().getShape().get(1);
        NDArray edgesFlat = Tensors.unit(s.edges()).reshape(b, n * n, config.hidden());
        NDArray edgeSim = qUnit.matMul(edgesFlat.transpose(0, 2, 1)); // [B,M,N*N]
        NDArray weightedEdgeSim = edgeSim.mul(pairSupport.reshape(b, 1, n * n));
        NDArray edgeScore = Tensors.maskedMax(weightedEdgeSim, s.edgeMask().reshape(b, 1, n * n), 2); // [B,M]
        NDArray mix = apply(kindMix, ps, s.queryKinds(), training).softmax(-1); // [B,M,2]
        NDArray perNode = nodeScore.mul(mix.get(":, :, 0")).add(edgeScore.mul(mix.get(":, :, 1")));
        NDArray importance = apply(nodeImportance, ps, s.queryNodes(), training).squeeze(-1)
                .add(s.queryMask().sub(1).mul(-Tensors.NEG)).softmax(-1); // [B,M]
        NDArray pooled = perNode.mul(importance).sum(new int[] {1}, true); // [B,1]
        // cosine evidence lives in [-1, 1]: a fixed temperature of 0.1 (as in contrastive retrieval)
        // makes it decisive from the first step; the learned affine term only calibrates
        NDArray logits = pooled.mul(10).add(apply(output, ps, pooled, training)).squeeze(-1);
        return new GraphScores(logits, nodeSim, edgeSim.reshape(b, -1, n, n), supportGate, importance);
    }

    private static NDArray apply(Linear block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }
}
