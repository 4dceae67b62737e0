package org.momentgraph.eval.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.momentgraph.domain.Query;
import org.momentgraph.domain.Span;
import org.momentgraph.domain.Video;
import org.momentgraph.encoders.data.GraphStreamBuilder;
import org.momentgraph.encoders.data.MomentExample;
import org.momentgraph.encoders.data.SubtitleStream;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.data.VideoStreams;
import org.momentgraph.encoders.text.LabelEmbeddings;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.encoders.text.TokenStates;
import org.momentgraph.eval.synthetic.Splits;
import org.momentgraph.eval.synthetic.SubtitleLine;
import org.momentgraph.eval.synthetic.SyntheticCorpus;

/**
 * The {@link TrainingSet} of a loaded synthetic corpus: per video the visual features fitted to its
 * clip grid, the subtitle stream (MiniLM per clip's dialogue) and the graph stream
 * ({@link GraphStreamBuilder} over the detections) as the switches ask, and per split the query
 * examples with token features from one batched MiniLM pass. Shared by {@link DatasetAssembler}
 * (train) and {@code ExperimentData} (eval/ablate/predict) so both feed the model the same data.
 */
public final class SyntheticTrainingSet {

    /** The set and the corpus's clip length (seconds; 0 for an empty corpus). */
    public record Built(TrainingSet set, double clipLength) {
    }

    private SyntheticTrainingSet() {
    }

    /** The caller has checked that the corpus has subtitles / detections when those streams are on. */
    public static Built build(String name, SyntheticCorpus corpus, boolean subtitles, boolean graph,
            MiniLmTextEncoder text) {
        GraphStreamBuilder graphs = graph ? new GraphStreamBuilder(new LabelEmbeddings(text)) : null;
        Map<String, VideoStreams> videos = new LinkedHashMap<>();
        Map<String, List<String>> splitVideos = new LinkedHashMap<>();
        Splits.NAMES.forEach(s -> splitVideos.put(s, new ArrayList<>()));
        double clipLength = 0;
        for (SyntheticCorpus.VideoRecord record : corpus.videos()) {
            Video video = record.video();
            clipLength = video.clipLength();
            float[][] visual = VideoStreams.fit(corpus.features().clips(video.id()), video.grid().size());
            float[][] sub = subtitles ? SubtitleStream.clips(video.grid(), lines(corpus.subtitlesByVideo()
                    .getOrDefault(video.id(), List.of())), text) : null;
            float[][] g = graph ? graphs.clips(video, corpus.detectionsByVideo().get(video.id())) : null;
            videos.put(video.id(), new VideoStreams(video, visual, sub, g));
            splitVideos.get(record.split()).add(video.id());
        }
        Map<String, List<MomentExample>> examples = new LinkedHashMap<>();
        for (String split : Splits.NAMES) {
            examples.put(split, examples(corpus.queries(split), videos, text));
        }
        return new Built(new TrainingSet(name, examples, videos, splitVideos), clipLength);
    }

    /** Examples of queries whose video is in {@code videos}, tokens from one batched MiniLM pass. */
    private static List<MomentExample> examples(List<Query> queries, Map<String, VideoStreams> videos,
            MiniLmTextEncoder text) {
        List<TokenStates> tokens = text.encodeAll(queries.stream().map(Query::text).toList());
        List<MomentExample> out = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            out.add(MomentExample.of(q, videos.get(q.videoId()).video().grid(), tokens.get(i).states()));
        }
        return out;
    }

    private static List<SubtitleStream.Line> lines(List<SubtitleLine> lines) {
        return lines.stream().map(l -> new SubtitleStream.Line(new Span(l.start(), Math.max(l.start(), l.end())),
                l.text())).toList();
    }
}
