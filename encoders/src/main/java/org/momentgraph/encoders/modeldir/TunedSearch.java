package org.momentgraph.encoders.modeldir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.momentgraph.encoders.model.ConfigJson;

/**
 * Search settings that {@code eval} chose on held-in queries for a trained model, saved beside its
 * weights as {@code MODEL/search/tuned.json} so that {@code predict} and {@code serve} search the way
 * the reported numbers were measured. It lives in a sub-folder because the checksum list covers the
 * model's own files only: tuning a model again must not turn it into a "changed after saving" error.
 *
 * @param filter the clip evidence the weight was tuned with ("label-bag", "graph", "presence", "none")
 * @param evidenceWeight w of {@code model score + w * best clip evidence} in VR scores
 * @param labelTextWeight v of {@code + v * label-text cosine} in VR scores
 *     ({@link org.momentgraph.encoders.pipeline.LabelTextEvidence}); 0 for none, and in files saved before it
 * @param vrTemperature τ of {@code softmax(vr / τ)} over the VCMR candidates
 * @param momentsPerVideo the most moments one video puts into the VCMR ranking
 */
public record TunedSearch(String filter, double evidenceWeight, double labelTextWeight, double vrTemperature,
        int momentsPerVideo) {

    public static final String DIR = "search";
    public static final String FILE = "tuned.json";

    public TunedSearch {
        if (filter == null || filter.isBlank() || !Double.isFinite(evidenceWeight) || evidenceWeight < 0
                || !Double.isFinite(labelTextWeight) || labelTextWeight < 0 || !(vrTemperature > 0)
                || !Double.isFinite(vrTemperature) || momentsPerVideo < 1) {
            throw new IllegalArgumentException("tuned search needs a filter name, evidenceWeight and labelTextWeight "
                    + ">= 0, a finite vrTemperature > 0 and momentsPerVideo >= 1; got " + filter + ", " + evidenceWeight
                    + ", " + labelTextWeight + ", " + vrTemperature + ", " + momentsPerVideo);
        }
    }

    /** Writes {@code MODEL/search/tuned.json} atomically. */
    public void save(Path modelDir) {
        ConfigJson.writeFile(file(modelDir), this);
    }

    /** The settings saved with a model, if {@code eval} tuned it; a malformed file names its field. */
    public static Optional<TunedSearch> load(Path modelDir) {
        Path file = file(modelDir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(ConfigJson.read(ConfigJson.readFile(file), file.toString(),
                new TunedSearch("none", 0, 0, 0.05, 10), TunedSearch.class));
    }

    /** The evidence weight to use with {@code filterName}: the tuned one when it was tuned for that filter. */
    public double evidenceWeightFor(String filterName) {
        return filter.equals(filterName) ? evidenceWeight : 0;
    }

    private static Path file(Path modelDir) {
        return modelDir.resolve(DIR).resolve(FILE);
    }
}
