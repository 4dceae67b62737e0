package org.momentgraph.graph.mp;

import java.util.List;
import org.momentgraph.graph.video.ObjectNode;

/**
 * One clip graph as network input, built once per video and reused for every query: object node
 * features [N][Dv], ordered-pair edge features [N][N][De] (null where the two objects share no
 * relation), and the objects and relation keys they came from (for explanations).
 *
 * @param clipIndex the clip's index in its video's grid
 * @param objects   the clip's object nodes, in feature order
 * @param nodes     per object: label embedding + box geometry and motion
 * @param edges     per ordered pair (i, j): relation multi-hot + geometry, or null
 * @param relations per ordered pair (i, j): the relation keys stated from i to j (symmetric ones both ways)
 */
public record EncodedClip(int clipIndex, List<ObjectNode> objects, float[][] nodes, float[][][] edges,
        List<List<List<String>>> relations) {

    public EncodedClip {
        objects = List.copyOf(objects);
    }

    public int size() {
        return objects.size();
    }
}
