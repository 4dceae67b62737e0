package org.momentgraph.server.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.momentgraph.eval.synthetic.SyntheticConfig;

/**
 * What the demo prepares: a synthetic corpus of {@code videos} videos from {@code seed}, and a
 * small retriever (visual + graph streams, {@code hidden} wide) trained for {@code epochs} epochs.
 * {@link #key()} names the cache folder: the generator version and every setting, hashed.
 */
public record DemoConfig(int videos, long seed, int epochs, int hidden, int batchSize, float learningRate) {

    /** Bumped when the demo's training recipe changes, so old cached models are not reused. */
    static final String RECIPE = "3";

    public DemoConfig {
        if (videos < 10) {
            throw new IllegalArgumentException("the demo needs at least 10 videos (train, val and test splits), got "
                    + videos);
        }
        if (epochs < 1 || hidden < 4 || hidden % 4 != 0 || batchSize < 2 || !(learningRate > 0)) {
            throw new IllegalArgumentException("need epochs >= 1, hidden a multiple of 4, batchSize >= 2, "
                    + "learningRate > 0");
        }
    }

    /** 150 videos, 32-wide model, 4 epochs: a few minutes on 2 cores. */
    public static DemoConfig defaults() {
        return new DemoConfig(150, 7, 12, 32, 32, 2e-3f);
    }

    public DemoConfig withVideos(int v) {
        return new DemoConfig(v, seed, epochs, hidden, batchSize, learningRate);
    }

    public DemoConfig withEpochs(int e) {
        return new DemoConfig(videos, seed, e, hidden, batchSize, learningRate);
    }

    public DemoConfig withHidden(int h) {
        return new DemoConfig(videos, seed, epochs, h, batchSize, learningRate);
    }

    /** The settings as one line, stored next to the cached model. */
    public String describe() {
        return String.format(Locale.ROOT, "generator=%s recipe=%s videos=%d seed=%d epochs=%d hidden=%d batch=%d lr=%s",
                SyntheticConfig.GENERATOR_VERSION, RECIPE, videos, seed, epochs, hidden, batchSize, learningRate);
    }

    /** The cache key: 16 hex digits of the SHA-256 of {@link #describe()}. */
    public String key() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(describe().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
