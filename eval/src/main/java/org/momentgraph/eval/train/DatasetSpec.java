package org.momentgraph.eval.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.momentgraph.domain.DataFormatException;

/**
 * The {@code "dataset"} object of a training config.
 *
 * @param type "synthetic" or "tvr-tvqaplus"
 * @param dir synthetic: an existing generated corpus (null when generating)
 * @param generateVideos synthetic: videos to generate into {@code OUT/corpus} (0 when {@code dir} is given)
 * @param generateSeed generator seed
 * @param subtitles generate dialogue (default true)
 * @param queries tvr-tvqaplus: TVR query JSONL
 * @param boxes tvr-tvqaplus: TVQA+ box JSON
 */
public record DatasetSpec(String type, Path dir, int generateVideos, long generateSeed, boolean subtitles, Path queries,
        Path boxes) {

    public static DatasetSpec parse(JsonNode node, String source) {
        if (node == null || !node.isObject()) {
            throw new DataFormatException(source, "$.dataset", "dataset", "expected an object with a \"type\"");
        }
        String type = node.path("type").asText("");
        switch (type) {
            case "synthetic" -> {
                JsonNode generate = node.get("generate");
                if (node.has("dir") == (generate != null)) {
                    throw new DataFormatException(source, "$.dataset", "dir",
                            "a synthetic dataset needs exactly one of \"dir\" (an existing corpus) or \"generate\"");
                }
                if (generate != null) {
                    int videos = generate.path("videos").asInt(0);
                    if (videos < 5) {
                        throw new DataFormatException(source, "$.dataset.generate.videos", "videos",
                                "need at least 5 videos (train, val and test splits), got " + generate.get("videos"));
                    }
                    return new DatasetSpec(type, null, videos, generate.path("seed").asLong(7),
                            generate.path("subtitles").asBoolean(true), null, null);
                }
                return new DatasetSpec(type, Path.of(node.get("dir").asText()), 0, 0, true, null, null);
            }
            case "tvr-tvqaplus" -> {
                return new DatasetSpec(type, null, 0, 0, true, path(node, "queries", source), path(node, "boxes", source));
            }
            default -> throw new DataFormatException(source, "$.dataset.type", "type",
                    "unknown dataset type '" + type + "'; known: synthetic, tvr-tvqaplus");
        }
    }

    private static Path path(JsonNode node, String field, String source) {
        if (!node.hasNonNull(field)) {
            throw new DataFormatException(source, "$.dataset." + field, field, "missing");
        }
        return Path.of(node.get(field).asText());
    }
}
