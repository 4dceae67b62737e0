package org.momentgraph.server.cli;

import java.nio.file.Path;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.filter.FilterCurves;
import org.momentgraph.graph.export.GraphView;
import org.momentgraph.graph.mp.GraphFilterModel;
import org.momentgraph.graph.mp.GraphPairEncoder;
import org.momentgraph.graph.mp.QueryClipMatcher;
import org.momentgraph.graph.query.QueryParser;
import org.momentgraph.graph.video.VideoGraph;

/** The matched multimodal graph for {@code graph --query}: MiniLM label embeddings, optional trained model. */
final class QueryMatchExport {

    private QueryMatchExport() {
    }

    static GraphView<?, ?> view(VideoGraph video, String query, Path modelDir, Integer clip) {
        try (MiniLmTextEncoder encoder = MiniLmTextEncoder.builder().build()) {
            GraphPairEncoder pairs = new GraphPairEncoder(new LabelEmbeddings(encoder), MiniLmTextEncoder.DIM);
            GraphFilterModel model = modelDir == null ? null : GraphFilterModel.load(modelDir, FilterCurves.MODEL_NAME);
            try {
                QueryClipMatcher.Result r = QueryClipMatcher.match(pairs, video, QueryParser.load().parse(query), model, clip);
                System.err.printf("momentgraph graph: query matched clip %d (score %.3f, %s)%n", r.clip(), r.score(),
                        model == null ? "presence matching: no --model given" : "graph network " + modelDir);
                return r.view();
            } finally {
                if (model != null) {
                    model.close();
                }
            }
        }
    }
}
