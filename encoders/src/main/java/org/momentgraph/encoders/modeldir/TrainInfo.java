package org.momentgraph.encoders.modeldir;

import java.nio.file.Path;
import java.util.List;
import org.momentgraph.encoders.model.ConfigJson;

/**
 * How a model was trained and what its inputs mean, stored as {@code train.json} in a model
 * directory: enough to rebuild the input streams on another machine. Holds names, never paths.
 *
 * @param datasetType "synthetic", "tvr-tvqaplus", ...
 * @param datasetName the dataset folder's name or the generator settings
 * @param seed training seed
 * @param epochs epochs the run was configured for
 * @param epochsCompleted epochs whose weights these are
 * @param streams the model's video streams in order ("visual", "subtitle", "graph")
 * @param clipLength seconds per clip of the training grid
 * @param queryEncoder frozen query token encoder (and subtitle sentence encoder)
 * @param labelEmbeddingModel the encoder of object labels in the graph stream
 * @param relationVocabulary relation keys of the graph stream's count block, in order
 * @param tripleBuckets hash slots for (subject, relation, object) triples in the graph stream
 * @param maxClips training window in clips; inference encodes longer videos in windows of this size
 * @param maxMomentClips longest training moment in clips: the boundary decoder's maximum length
 */
public record TrainInfo(String datasetType, String datasetName, long seed, int epochs, int epochsCompleted,
        List<String> streams, double clipLength, String queryEncoder, String labelEmbeddingModel,
        List<String> relationVocabulary, int tripleBuckets, int maxClips, int maxMomentClips) {

    public static final String MINILM = "sentence-transformers/all-MiniLM-L6-v2 (int8 ONNX, langchain4j 0.36.2)";

    public TrainInfo {
        streams = List.copyOf(streams);
        relationVocabulary = List.copyOf(relationVocabulary);
        if (maxClips < 1 || maxMomentClips < 1) {
            throw new IllegalArgumentException("maxClips and maxMomentClips must be >= 1");
        }
    }

    public static TrainInfo defaults() {
        return new TrainInfo("", "", 0, 0, 0, List.of("visual"), 2.0, MINILM, MINILM, List.of(), 0, 128, 32);
    }

    public TrainInfo withEpochsCompleted(int completed) {
        return new TrainInfo(datasetType, datasetName, seed, epochs, completed, streams, clipLength, queryEncoder,
                labelEmbeddingModel, relationVocabulary, tripleBuckets, maxClips, maxMomentClips);
    }

    public String toJson() {
        return ConfigJson.write(this);
    }

    public static TrainInfo fromJson(String json, String source) {
        return ConfigJson.read(json, source, defaults(), TrainInfo.class);
    }

    public static TrainInfo read(Path file) {
        return fromJson(ConfigJson.readFile(file), file.toString());
    }
}
