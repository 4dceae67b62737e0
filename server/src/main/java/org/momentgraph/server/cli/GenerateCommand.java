package org.momentgraph.server.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.momentgraph.eval.synthetic.CorpusCounts;
import org.momentgraph.eval.synthetic.CorpusWriter;
import org.momentgraph.eval.synthetic.NoiseConfig;
import org.momentgraph.eval.synthetic.SyntheticConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Generates the synthetic object-interaction corpus into a folder. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate the synthetic object-interaction corpus: TVR queries per split, detections, "
                + "clip features, videos.jsonl, optional subtitles, manifest.json.",
        footer = {"", "Examples:",
            "  ./momentgraph generate --out runs/synthetic --videos 20 --seed 7 --subtitles",
            "  ./momentgraph generate --out runs/scale --videos 100000 --features-only",
            "  ./momentgraph generate --out runs/clean --videos 200 --noise none"})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--videos", defaultValue = "20", description = "Number of videos (default: ${DEFAULT-VALUE}).")
    int videos;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--features-only", description = "No detections; features as one streamed features.npy + index.")
    boolean featuresOnly;

    @Option(names = "--subtitles", description = "Give videos dialogue (subtitles.jsonl) and \"vt\" queries.")
    boolean subtitles;

    @Option(names = "--dim", defaultValue = "256", description = "Clip feature size (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--clip-length", defaultValue = "2.0", description = "Seconds per clip (default: ${DEFAULT-VALUE}).")
    double clipLength;

    @Option(names = "--fps", defaultValue = "3", description = "Detection frames per second (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--noise", defaultValue = "default",
            description = "Detector faults: none, default, or jitter=0.03,miss=0.06,fp=0.15,confusion=0.04 (any subset).")
    String noise;

    @Option(names = "--distractor-bias", defaultValue = "0.6",
            description = "0..1: how often events reuse an object with another interaction (default: ${DEFAULT-VALUE}).")
    double distractorBias;

    @Option(names = "--interaction-weight", defaultValue = "0.3",
            description = "Weight of the interaction's direction in the clip features; 0: the appearance features do "
                    + "not show what is done, only the detections' geometry and motion do (default: ${DEFAULT-VALUE}).")
    double interactionWeight;

    @Override
    public Integer call() {
        // jhdf logs every dataset it adds at INFO; keep stderr for the progress line
        System.setProperty("org.slf4j.simpleLogger.log.io.jhdf", "error");
        SyntheticConfig config;
        try {
            config = SyntheticConfig.builder().videos(videos).seed(seed).featuresOnly(featuresOnly).subtitles(subtitles)
                    .dim(dim).clipLength(clipLength).fps(fps).noise(NoiseConfig.parse(noise))
                    .distractorBias(distractorBias).interactionWeight(interactionWeight).build();
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            return 2;
        }
        long[] lastPrint = {0};
        CorpusCounts counts = CorpusWriter.write(config, out, (done, total, seconds) -> {
            long now = System.nanoTime();
            if (done == total || now - lastPrint[0] > 500_000_000L) {
                lastPrint[0] = now;
                System.err.printf(Locale.ROOT, "\rgenerated %d/%d videos (%.1f videos/s)", done, total, done / Math.max(seconds, 1e-9));
            }
        });
        System.err.println();
        System.err.printf(Locale.ROOT, "%s: %d videos, %d queries %s, %d events, %d clips, %d detections%n", out,
                counts.videos(), counts.queries(), counts.difficulty(), counts.events(), counts.clips(), counts.detections());
        return 0;
    }
}
