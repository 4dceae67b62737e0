package org.momentgraph.graph.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.momentgraph.domain.Box;
import org.momentgraph.domain.Detection;
import org.momentgraph.domain.FrameDetections;

/**
 * The few fields of TVQA+ boxes a graph test needs (eval's reader is out of reach of the graph module):
 * per video the union over its QA records of frame n -> boxes, at t = (n - 1) / 3 seconds.
 */
final class TvqaPlusBoxesForTest {

    private TvqaPlusBoxesForTest() {
    }

    static Map<String, List<FrameDetections>> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Map<Integer, Map<String, Detection>>> byVideo = new TreeMap<>();
        for (JsonNode record : root) {
            String vid = record.get("vid_name").asText();
            Map<Integer, Map<String, Detection>> frames = byVideo.computeIfAbsent(vid, k -> new TreeMap<>());
            for (Iterator<Map.Entry<String, JsonNode>> it = record.get("bbox").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> frame = it.next();
                Map<String, Detection> dets = frames.computeIfAbsent(Integer.parseInt(frame.getKey()),
                        k -> new java.util.LinkedHashMap<>());
                for (JsonNode b : frame.getValue()) {
                    Box box = Box.ofLeftTopWidthHeight(b.get("left").asDouble(), b.get("top").asDouble(),
                            b.get("width").asDouble(), b.get("height").asDouble());
                    String label = b.get("label").asText();
                    // two QA records of a clip often annotate the same box: keep it once
                    dets.putIfAbsent(label + box, new Detection(label, 1.0, box));
                }
            }
        }
        Map<String, List<FrameDetections>> out = new TreeMap<>();
        byVideo.forEach((vid, frames) -> {
            List<FrameDetections> list = new ArrayList<>();
            frames.forEach((n, dets) -> list.add(new FrameDetections(vid, (n - 1) / 3.0, List.copyOf(dets.values()))));
            out.put(vid, list);
        });
        return out;
    }
}
