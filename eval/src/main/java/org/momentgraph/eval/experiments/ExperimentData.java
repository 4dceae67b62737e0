package org.momentgraph.eval.experiments;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.momentgraph.domain.ClipGrid;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.ClipLabelBags;
import org.momentgraph.encoders.data.GraphStreamBuilder;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.data.SubtitleStream;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.text.TokenStates;
import org.momentgraph.eval.synthetic.CorpusFiles;
import org.momentgraph.eval.synthetic.CorpusWriter;
import org.momentgraph.eval.synthetic.Splits;
import org.momentgraph.eval.synthetic.SyntheticConfig;
import org.momentgraph.eval.synthetic.SyntheticCorpus;
import org.momentgraph.eval.synthetic.SubtitleLine;

/**
 * A dataset ready for training and search: the {@link TrainingSet} (query tokens, per-clip streams,
 * split corpora), the ground-truth queries of each split, each video's per-clip object label bags
 * (what {@link org.momentgraph.encoders.pipeline.LabelBagEvidence} reads) and what train.json records.
 */
public record ExperimentData(String type, String name, TrainingSet set, Map<String, List<Query>> queries,
        Map<String, List<SortedMap<String, Integer>>> labelBags, double clipLength, List<String> streamNames) {

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
            if (corpus.detectionsByVideo().isEmpty() && (config.graph() || config.filter())) {
                throw new IllegalArgumentException("corpus " + dir + " has no detections: turn the graph stream and filter off");
            }
            LabelEmbeddings labels = new LabelEmbeddings(text);
            GraphStreamBuilder graphs = config.graph() ? new GraphStreamBuilder(labels) : null;
            Map<String, VideoStreams> videos = new LinkedHashMap<>();
            Map<String, List<SortedMap<String, Integer>>> bags = new LinkedHashMap<>();
            Map<String, List<String>> splitVideos = new LinkedHashMap<>();
            Splits.NAMES.forEach(s -> splitVideos.put(s, new ArrayList<>()));
            double clipLength = 0;
            for (SyntheticCorpus.VideoRecord record : corpus.videos()) {
                Video video = record.video();
                clipLength = video.clipLength();
                ClipGrid grid = video.grid();
                List<org.momentgraph.domain.FrameDetections> frames = corpus.detectionsByVideo().getOrDefault(video.id(), List.of());
                float[][] visual = VideoStreams.fit(corpus.features().clips(video.id()), grid.size());
                float[][] sub = config.subtitle() ? SubtitleStream.clips(grid, lines(corpus.subtitlesByVideo()
                        .getOrDefault(video.id(), List.of())), text) : null;
                float[][] g = graphs != null ? graphs.clips(video, frames) : null;
                videos.put(video.id(), new VideoStreams(video, visual, sub, g));
                bags.put(video.id(), ClipLabelBags.of(video, frames, ClipLabelBags::normalize));
                splitVideos.get(record.split()).add(video.id());
            }
            Map<String, List<Query>> queries = new LinkedHashMap<>();
            Map<String, List<MomentExample>> examples = new LinkedHashMap<>();
            for (String split : Splits.NAMES) {
                queries.put(split, corpus.queries(split));
                examples.put(split, examples(corpus.queries(split), videos, text));
            }
            List<String> streams = new ArrayList<>(List.of("visual"));
            if (config.subtitle()) {
                streams.add("subtitle");
            }
            if (config.graph()) {
                streams.add("graph");
            }
            log.printf("dataset %s: %d videos, %d/%d/%d train/val/test queries, streams %s%n", name, videos.size(),
                    examples.get("train").size(), examples.get("val").size(), examples.get("test").size(), streams);
            return new ExperimentData("synthetic", name, new TrainingSet(name, examples, videos, splitVideos), queries,
                    bags, clipLength, streams);
        }
    }

    /** Examples of queries whose video is known, tokens from one batched MiniLM pass. */
    static List<MomentExample> examples(List<Query> queries, Map<String, VideoStreams> videos, MiniLmTextEncoder text) {
        List<TokenStates> tokens = text.encodeAll(queries.stream().map(Query::text).toList());
        List<MomentExample> out = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            out.add(MomentExample.of(q, videos.get(q.videoId()).video().grid(), tokens.get(i).states()));
        }
        return out;
    }

    /** The same data without the graph stream (for ablations; label bags stay for the clip evidence). */
    public ExperimentData withoutGraph() {
        Map<String, VideoStreams> videos = new LinkedHashMap<>();
        set.videos().forEach((id, v) -> videos.put(id, new VideoStreams(v.video(), v.visual(), v.subtitle(), null)));
        List<String> streams = streamNames.stream().filter(s -> !s.equals("graph")).toList();
        return new ExperimentData(type, name, new TrainingSet(set.name(), set.examples(), videos, set.splitVideos()),
                queries, labelBags, clipLength, streams);
    }

    /** The first span of each query's examples' in-corpus queries, i.e. the ground truth of a split. */
    public List<Query> groundTruth(String split) {
        return queries.get(split);
    }

    public List<MomentExample> examples(String split) {
        return set.split(split);
    }

    private static List<SubtitleStream.Line> lines(List<SubtitleLine> lines) {
        return lines.stream().map(l -> new SubtitleStream.Line(new Span(l.start(), Math.max(l.start(), l.end())),
                l.text())).toList();
    }
}
