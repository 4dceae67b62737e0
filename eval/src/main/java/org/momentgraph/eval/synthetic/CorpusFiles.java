package org.momentgraph.eval.synthetic;

/** The names of the files of a generated corpus folder. */
public final class CorpusFiles {

    public static final String MANIFEST = "manifest.json";
    public static final String VIDEOS = "videos.jsonl";
    public static final String DETECTIONS = "detections.jsonl";
    public static final String SUBTITLES = "subtitles.jsonl";
    /** Full corpora: one dataset per video id, [clips, dim] float32. */
    public static final String FEATURES_H5 = "features.h5";
    /** Feature-only corpora: all clips of all videos as rows, with {@code features.index.tsv} beside it. */
    public static final String FEATURES_NPY = "features.npy";

    private CorpusFiles() {
    }

    /** "train.jsonl", "val.jsonl", "test.jsonl": TVR query files. */
    public static String queries(String split) {
        return split + ".jsonl";
    }
}
