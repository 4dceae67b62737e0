package org.momentgraph.graph.mp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Multimodal relation-graph network (after MMRG, CVPR 2021): relation-aware message passing inside
 * the clip's object graph, syntactic message passing inside the query graph, cross-modal attention
 * from objects to query nodes, then a per-(query, clip) relevance logit.
 *
 * <p>Scoring is structured by the query graph. An entity node scores its best-matching object. A
 * predicate node scores its best ordered object pair (i, j): how well the pair's relation state
 * matches the predicate, plus how well i matches the predicate's subject and j its object. Objects
 * that no entity supports score low as subject or object, so a relation between unrelated objects
 * is pruned from the evidence: the clip's evidence is the interaction the query names. Query node
 * scores are pooled with learned weights; a learned positive scale turns the pooled score into a
 * logit.
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
    private final Linear kindIn;
    private final Linear edgeIn;
    private final List<Linear> videoMessage = new ArrayList<>();
    private final List<Linear> edgeMessage = new ArrayList<>();
    private final List<Linear> crossValue = new ArrayList<>();
    private final List<Linear> videoUpdate = new ArrayList<>();
    private final List<Linear> queryMessage = new ArrayList<>();
    private final List<Linear> queryUpdate = new ArrayList<>();
    private final Linear edgeState;
    private final Linear entityKey;
    private final Linear objectKey;
    private final Linear predicateKey;
    private final Linear nodeImportance;
    private final Parameter logScale;
    private final Parameter bias;

    public RelationalGraphNetwork(GraphNetworkConfig config) {
        this.config = config;
        int h = config.hidden();
        videoIn = addChildBlock("videoIn", linear(h));
        queryIn = addChildBlock("queryIn", linear(h));
        kindIn = addChildBlock("kindIn", linear(h));
        edgeIn = addChildBlock("edgeIn", linear(h));
        for (int l = 0; l < config.rounds(); l++) {
            videoMessage.add(addChildBlock("videoMessage" + l, linear(h)));
            edgeMessage.add(addChildBlock("edgeMessage" + l, linear(h)));
            crossValue.add(addChildBlock("crossValue" + l, linear(h)));
            videoUpdate.add(addChildBlock("videoUpdate" + l, linear(h)));
            queryMessage.add(addChildBlock("queryMessage" + l, linear(h)));
            queryUpdate.add(addChildBlock("queryUpdate" + l, linear(h)));
        }
        edgeState = addChildBlock("edgeState", linear(h));
        entityKey = addChildBlock("entityKey", linear(h));
        objectKey = addChildBlock("objectKey", linear(h));
        predicateKey = addChildBlock("predicateKey", linear(h));
        nodeImportance = addChildBlock("nodeImportance", linear(1));
        // cosine evidence lives in [-1, 1]; a scale starting at 10 (temperature 0.1, as in contrastive retrieval) makes it decisive from the first step
        logScale = addParameter(Parameter.builder().setName("logScale").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer((float) Math.log(10))).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(1)).build());
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
        kindIn.initialize(manager, dataType, new Shape(1, config.queryKinds()));
        edgeIn.initialize(manager, dataType, new Shape(1, config.edgeDim()));
        for (int l = 0; l < config.rounds(); l++) {
            videoMessage.get(l).initialize(manager, dataType, new Shape(1, h));
            edgeMessage.get(l).initialize(manager, dataType, new Shape(1, h));
            crossValue.get(l).initialize(manager, dataType, new Shape(1, h));
            videoUpdate.get(l).initialize(manager, dataType, new Shape(1, 3 * h));
            queryMessage.get(l).initialize(manager, dataType, new Shape(1, h));
            queryUpdate.get(l).initialize(manager, dataType, new Shape(1, 2 * h));
        }
        edgeState.initialize(manager, dataType, new Shape(1, 3 * h));
        entityKey.initialize(manager, dataType, new Shape(1, h));
        objectKey.initialize(manager, dataType, new Shape(1, h));
        predicateKey.initialize(manager, dataType, new Shape(1, h));
        nodeImportance.initialize(manager, dataType, new Shape(1, h));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(score(ps, encode(ps, in, training), training).logits());
    }

    /** Runs L rounds of message passing and returns node and relation states. */
    public GraphState encode(ParameterStore ps, NDList in, boolean training) {
        NDArray vMask = in.get(1);
        NDArray eMask = in.get(3);
        NDArray qMask = in.get(5);
        NDArray qKinds = in.get(6);
        NDArray qAdj = in.get(7);
        NDArray vm = vMask.expandDims(2);
        NDArray qm = qMask.expandDims(2);
        NDArray em = eMask.expandDims(3);
        NDArray hv = Tensors.layerNorm(apply(videoIn, ps, in.get(0), training)).mul(vm);
        NDArray hq = Tensors.layerNorm(apply(queryIn, ps, in.get(4), training)
                .add(apply(kindIn, ps, qKinds, training))).mul(qm);
        // linear embedding of the relation multi-hot: every relation type keeps its own direction
        NDArray relations = apply(edgeIn, ps, in.get(2), training).mul(em); // [B,N,N,H]
        NDArray vDegree = eMask.sum(new int[] {2}, true).maximum(1f); // [B,N,1]
        NDArray qSym = qAdj.add(qAdj.transpose(0, 2, 1)).clip(0, 1);
        NDArray qDegree = qSym.sum(new int[] {2}, true).maximum(1f);
        float scale = (float) (1 / Math.sqrt(config.hidden()));
        for (int l = 0; l < config.rounds(); l++) {
            // message j -> i, gated by the relation state of (i, j)
            NDArray fromNeighbour = apply(videoMessage.get(l), ps, hv, training).expandDims(1); // [B,1,N,H]
            NDArray messages = Activation.relu(apply(edgeMessage.get(l), ps, relations, training).add(fromNeighbour));
            NDArray vMsg = messages.mul(em).sum(new int[] {2}).div(vDegree);
            // cross-modal edges: each object reads the query nodes it resembles
            NDArray attention = Tensors.maskedSoftmax(hv.matMul(hq.transpose(0, 2, 1)).mul(scale), qMask.expandDims(1));
            NDArray cross = attention.matMul(apply(crossValue.get(l), ps, hq, training));
            NDArray vNext = apply(videoUpdate.get(l), ps, NDArrays.concat(new NDList(hv, vMsg, cross), -1), training);
            NDArray qMsg = qSym.matMul(apply(queryMessage.get(l), ps, hq, training)).div(qDegree);
            NDArray qNext = apply(queryUpdate.get(l), ps, hq.concat(qMsg, -1), training);
            hv = Tensors.layerNorm(hv.add(Activation.relu(vNext))).mul(vm);
            hq = Tensors.layerNorm(hq.add(Activation.relu(qNext))).mul(qm);
        }
        Shape pairs = relations.getShape();
        NDArray source = hv.expandDims(2).broadcast(pairs);
        NDArray target = hv.expandDims(1).broadcast(pairs);
        // residual: the relation types themselves stay readable next to their endpoints' context
        NDArray edges = relations.add(Activation.relu(apply(edgeState, ps,
                NDArrays.concat(new NDList(relations, source, target), -1), training))).mul(em);
        // prior similarity of the raw label embeddings (both modalities share the embedding function):
        // entity matching is meaningful before training and never has to be relearned
        NDArray rawObjects = in.get(0).get(":, :, :" + config.queryNodeDim());
        NDArray prior = Tensors.unit(in.get(4)).matMul(Tensors.unit(rawObjects).transpose(0, 2, 1)); // [B,M,N]
        return new GraphState(hv, hq, edges, vMask, eMask, qMask, qKinds, qAdj, prior);
    }

    /** Scores each (query, clip) pair from the encoded states and keeps the evidence. */
    public GraphScores score(ParameterStore ps, GraphState s, boolean training) {
        long b = s.edges().getShape().get(0);
        long n = s.edges().getShape().get(1);
        long m = s.queryNodes().getShape().get(1);
        NDArray entity = s.queryKinds().get(":, :, " + KIND_ENTITY).mul(s.queryMask()); // [B,M]
        NDArray predicate = s.queryKinds().get(":, :, " + KIND_PREDICATE).mul(s.queryMask());
        NDArray keys = Tensors.unit(apply(entityKey, ps, s.queryNodes(), training));
        NDArray objects = Tensors.unit(apply(objectKey, ps, s.videoNodes(), training));
        NDArray nodeSim = keys.matMul(objects.transpose(0, 2, 1)).add(s.labelPrior()).div(2); // [B,M,N]
        NDArray entityScore = Tensors.maskedMax(nodeSim, s.videoMask().expandDims(1), 2, -1f); // [B,M]
        // each object's best entity match: MMRG's query-guided pruning of objects nobody asked about
        NDArray support = Tensors.maskedMax(nodeSim, entity.expandDims(2), 1, 0f); // [B,N]
        NDArray supportGate = Activation.sigmoid(support.mul(config.pruneTemperature())).mul(s.videoMask());
        NDArray subjects = s.queryAdjacency().transpose(0, 2, 1).mul(entity.expandDims(1)); // [B,P,K]: K -> P
        NDArray objectsOf = s.queryAdjacency().mul(entity.expandDims(1)); // [B,P,K]: P -> K
        NDArray subjectScore = roleScore(nodeSim, subjects, support); // [B,M,N]
        NDArray objectScore = roleScore(nodeSim, objectsOf, support);
        NDArray predicates = Tensors.unit(apply(predicateKey, ps, s.queryNodes(), training));
        NDArray relationSim = predicates.matMul(Tensors.unit(s.edges()).reshape(b, n * n, -1).transpose(0, 2, 1))
                .reshape(b, m, n, n);
        // the relation counts as much as both roles together: it is what tells same-object clips apart
        NDArray triple = relationSim.mul(2).add(subjectScore.expandDims(3)).add(objectScore.expandDims(2)).div(4);
        NDArray predicateScore = Tensors.maskedMax(triple.reshape(b, m, n * n),
                s.edgeMask().reshape(b, 1, n * n), 2, -1f);
        NDArray nodeScore = entityScore.mul(entity).add(predicateScore.mul(predicate)); // [B,M]
        NDArray importance = Tensors.maskedSoftmax(
                apply(nodeImportance, ps, s.queryNodes(), training).squeeze(-1), s.queryMask());
        NDArray pooled = nodeScore.mul(importance).sum(new int[] {1});
        NDArray scaleValue = ps.getValue(logScale, pooled.getDevice(), training).clip(0f, 3f).exp();
        NDArray logits = pooled.mul(scaleValue).add(ps.getValue(bias, pooled.getDevice(), training));
        return new GraphScores(logits, nodeSim, triple, supportGate, nodeScore, importance);
    }

    /**
     * For each predicate P and object i: the best match of i among P's role fillers (its subjects or
     * its objects); where P has none, the object's support by any entity.
     */
    private static NDArray roleScore(NDArray nodeSim, NDArray role, NDArray support) {
        Shape shape = new Shape(nodeSim.getShape().get(0), role.getShape().get(1), nodeSim.getShape().get(1),
                nodeSim.getShape().get(2)); // [B,P,K,N]
        NDArray candidates = nodeSim.expandDims(1).broadcast(shape);
        NDArray best = Tensors.maskedMax(candidates, role.expandDims(3), 2, 0f); // [B,P,N]
        NDArray hasRole = role.sum(new int[] {2}, true).gt(0).broadcast(best.getShape());
        return NDArrays.where(hasRole, best, support.expandDims(1).broadcast(best.getShape()));
    }

    private static NDArray apply(Linear block, ParameterStore ps, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).singletonOrThrow();
    }
}
