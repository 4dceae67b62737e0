package org.momentgraph.graph.mp;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.momentgraph.graph.query.ObjectClasses;
import org.momentgraph.graph.query.QueryNode;
import org.momentgraph.graph.video.ObjectNode;

/**
 * The object-presence baseline: a clip's score is the fraction of the query's entities whose class
 * is among the clip's object labels. Relations are ignored. A person entity ("a man", "Alice")
 * also matches the label "person", since detectors rarely know names.
 */
public final class PresenceScorer {

    private PresenceScorer() {
    }

    /** Score in [0, 1]; 0 for a query without entities. */
    public static float score(EncodedQuery query, EncodedClip clip) {
        Set<String> labels = new HashSet<>();
        for (ObjectNode o : clip.objects()) {
            labels.add(o.label().toLowerCase(Locale.ROOT));
        }
        int entities = 0;
        int present = 0;
        for (QueryNode n : query.nodes()) {
            if (n.isEntity()) {
                entities++;
                if (matchesAny(n, labels)) {
                    present++;
                }
            }
        }
        return entities == 0 ? 0 : present / (float) entities;
    }

    /** Whether an entity node names an object of this label. */
    public static boolean matches(QueryNode entity, String label) {
        String l = label.toLowerCase(Locale.ROOT);
        String cls = entity.canonicalClass().toLowerCase(Locale.ROOT);
        return cls.equals(l) || entity.head().equalsIgnoreCase(l)
                || l.equals("person") && (entity.isProperName() || ObjectClasses.isPerson(entity.lemma()));
    }

    private static boolean matchesAny(QueryNode entity, Set<String> labels) {
        for (String l : labels) {
            if (matches(entity, l)) {
                return true;
            }
        }
        return false;
    }

    /** Presence scores of every clip, in order. */
    public static float[] scores(EncodedQuery query, List<EncodedClip> clips) {
        float[] out = new float[clips.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = score(query, clips.get(i));
        }
        return out;
    }
}
