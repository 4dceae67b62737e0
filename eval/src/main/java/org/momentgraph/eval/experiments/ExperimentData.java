package org.momentgraph.eval.experiments;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.momentgraph.domain.FrameDetections;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.ClipLabelBags;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.synthetic.CorpusFiles;
import org.momentgraph.eval.synthetic.CorpusWriter;
import org.momentgraph.eval.synthetic.Splits;
import org.momentgraph.eval.synthetic.SyntheticConfig;
import org.momentgraph.eval.synthetic.SyntheticCorpus;
import org.momentgraph.eval.train.SyntheticTrainingSet;

/**
 * A dataset ready for training and search: the {@link TrainingSet} (query tokens, per-clip streams,
 * split corpora), the ground-truth queries of each split, each video's per-clip object label bags
 * (what {@link org.momentgraph.encoders.pipeline.LabelBagEvidence} reads), each video's detections (what
 * the graph clip filter reads, see {@link ClipFilters}) and what train.json records.
 */
public record ExperimentData(String type, String name, TrainingSet set, Map<String, List<Query>> queries,
        Map<String, List<SortedMap<String, Integer>>> labelBags, Map<String, List<FrameDetections>> detections,
        double clipLength, List<String> streamNames) {

    /** A synthetic corpus (generated into {@code out/corpus} first when the config asks): visual (+ subtitle) (+ graph). */
    public static ExperimentData synthetic(ExperimentConfig config, MiniLmTextEncoder text, PrintStream log) {
        Path dir = config.datasetDir();
        String name;
        if (dir == null) {
            dir = config.out().resolve("corpus-" + config.generateVideos() + "-" + config.generateSeed());
            name = "synthetic videos=" + config.generateVideos() + " seed=" + config.generateSeed();
            if (!Files.isRegularFile(dir.resolve(CorpusFiles.MANIFEST))) {
                log.println("generating " + config.generateVideos() + " synthetic videos into " + dir);
                CorpusWriter.write(SyntheticConfig.builder().videos(config.generateVideos()).seed(config.generateSeed())
                        .subtitles(config.subtitle()).build(), dir, (done, total, seconds) -> { });
            }
        } else {
            name = dir.toAbsolutePath().normalize().getFileName().toString();
        }
        try (SyntheticCorpus corpus = SyntheticCorpus.load(dir)) {
            if (config.subtitle() && corpus.subtitlesByVideo().isEmpty()) {
                throw new IllegalArgumentException("corpus " + dir + " has no subtitles: turn the subtitle stream off");
            }
            if (corpus.detectionsByVideo().isEmpty() && (config.graph() || config.filter().enabled())) {
                throw new IllegalArgumentException("corpus " + dir + " has no detections: turn the graph stream and filter off");
            }
            SyntheticTrainingSet.Built built = SyntheticTrainingSet.build(name, corpus, config.subtitle(), config.graph(), text);
            TrainingSet set = built.set();
            Map<String, List<SortedMap<String, Integer>>> bags = new LinkedHashMap<>();
            for (SyntheticCorpus.VideoRecord record : corpus.videos()) {
                Video video = record.video();
                bags.put(video.id(), ClipLabelBags.of(video, corpus.detectionsByVideo().getOrDefault(video.id(), List.of()),
                        ClipLabelBags::normalize));
            }
            Map<String, List<Query>> queries = new LinkedHashMap<>();
            Splits.NAMES.forEach(split -> queries.put(split, corpus.queries(split)));
            List<String> streams = new ArrayList<>(List.of("visual"));
            if (config.subtitle()) {
                streams.add("subtitle");
            }
            if (config.graph()) {
                streams.add("graph");
            }
            log.printf("dataset %s: %d videos, %d/%d/%d train/val/test queries, streams %s%n", name, set.videos().size(),
                    set.split("train").size(), set.split("val").size(), set.split("test").size(), streams);
            return new ExperimentData("synthetic", name, set, queries, bags, corpus.detectionsByVideo(), built.clipLength(),
                    streams);
        }
    }

    /** The same data without the graph stream (for ablations; label bags stay for the clip evidence). */
    public ExperimentData withoutGraph() {
        Map<String, VideoStreams> videos = new LinkedHashMap<>();
        set.videos().forEach((id, v) -> videos.put(id, new VideoStreams(v.video(), v.visual(), v.subtitle(), null)));
        List<String> streams = streamNames.stream().filter(s -> !s.equals("graph")).toList();
        return new ExperimentData(type, name, new TrainingSet(set.name(), set.examples(), videos, set.splitVideos()),
                queries, labelBags, detections, clipLength, streams);
    }

    /** The first span of each query's examples' in-corpus queries, i.e. the ground truth of a split. */
    public List<Query> groundTruth(String split) {
        return queries.get(split);
    }

    public List<MomentExample> examples(String split) {
        return set.split(split);
    }
}
