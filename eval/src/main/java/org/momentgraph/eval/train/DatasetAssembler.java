package org.momentgraph.eval.train;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.momentgraph.encoders.data.GraphStreamBuilder;
import org.momentgraph.encoders.data.TrainingSet;
import org.momentgraph.encoders.text.MiniLmTextEncoder;
import org.momentgraph.eval.synthetic.CorpusFiles;
import org.momentgraph.eval.synthetic.CorpusWriter;
import org.momentgraph.eval.synthetic.Splits;
import org.momentgraph.eval.synthetic.SyntheticConfig;
import org.momentgraph.eval.synthetic.SyntheticCorpus;

/**
 * Turns a config's dataset into a {@link TrainingSet}: query token features from MiniLM (one
 * batched pass per split), and per video the visual features fitted to its clip grid, the subtitle
 * stream (MiniLM per clip's dialogue) and the graph stream ({@link GraphStreamBuilder} over the
 * detections) as the streams switches ask.
 */
public final class DatasetAssembler {

    /** The assembled data and what train.json should say about it. */
    public record Assembled(TrainingSet set, String type, String name, double clipLength) {
    }

    private final MiniLmTextEncoder text;
    private final PrintStream log;

    public DatasetAssembler(MiniLmTextEncoder text, PrintStream log) {
        this.text = text;
        this.log = log;
    }

    /** @param out the run folder ("generate" writes the corpus to {@code out/corpus}) */
    public Assembled assemble(DatasetSpec spec, boolean subtitles, boolean graph, Path out) {
        return switch (spec.type()) {
            case "synthetic" -> synthetic(spec, subtitles, graph, out);
            case "tvr-tvqaplus" -> throw new UnsupportedOperationException("dataset type \"tvr-tvqaplus\" is not "
                    + "available yet: its dataset (eval.tvr.TvrTvqaPlusDataset and the per-clip object stream) is "
                    + "still on the tvr branch; train on \"synthetic\" for now");
            default -> throw new IllegalArgumentException("unknown dataset type " + spec.type());
        };
    }

    private Assembled synthetic(DatasetSpec spec, boolean subtitles, boolean graph, Path out) {
        Path dir = spec.dir();
        String name;
        if (dir == null) {
            dir = out.resolve("corpus");
            name = "synthetic videos=" + spec.generateVideos() + " seed=" + spec.generateSeed();
            if (Files.isRegularFile(dir.resolve(CorpusFiles.MANIFEST))) {
                log.println("dataset: reusing the corpus generated earlier in " + dir);
            } else {
                log.println("dataset: generating " + spec.generateVideos() + " synthetic videos into " + dir);
                CorpusWriter.write(SyntheticConfig.builder().videos(spec.generateVideos()).seed(spec.generateSeed())
                        .subtitles(spec.subtitles()).build(), dir, (done, total, seconds) -> { });
            }
        } else {
            name = dir.toAbsolutePath().normalize().getFileName().toString();
        }
        long started = System.nanoTime();
        try (SyntheticCorpus corpus = SyntheticCorpus.load(dir)) {
            if (subtitles && corpus.subtitlesByVideo().isEmpty()) {
                throw new IllegalArgumentException("corpus " + dir + " has no subtitles.jsonl: turn the subtitle stream "
                        + "off or generate with subtitles");
            }
            if (graph && corpus.detectionsByVideo().isEmpty()) {
                throw new IllegalArgumentException("corpus " + dir + " has no detections (features-only): turn the graph "
                        + "stream off");
            }
            SyntheticTrainingSet.Built built = SyntheticTrainingSet.build(name, corpus, subtitles, graph, text);
            TrainingSet set = built.set();
            log.printf(Locale.ROOT, "dataset: %d videos, %s queries (train/val/test), streams visual%s%s, %.1f s%n",
                    set.videos().size(), Splits.NAMES.stream().map(s -> String.valueOf(set.split(s).size())).toList(),
                    subtitles ? "+subtitle" : "", graph ? "+graph" : "", (System.nanoTime() - started) / 1e9);
            return new Assembled(set, spec.type(), name, built.clipLength());
        }
    }
}
