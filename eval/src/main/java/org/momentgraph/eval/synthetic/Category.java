package org.momentgraph.eval.synthetic;

import java.util.List;
import java.util.Set;

/**
 * An object category of the synthetic world.
 *
 * @param label        the detector's label (what a detection says)
 * @param width        typical box width in pixels
 * @param height       typical box height in pixels (closed state for openable things)
 * @param nouns        the words a query may use for it; the first is the plain noun
 * @param capabilities what it affords
 * @param confusable   labels a detector sometimes reports instead of this one
 */
public record Category(String label, double width, double height, List<String> nouns, Set<Capability> capabilities,
        List<String> confusable) {

    public Category {
        nouns = List.copyOf(nouns);
        capabilities = Set.copyOf(capabilities);
        confusable = List.copyOf(confusable);
        if (nouns.isEmpty()) {
            throw new IllegalArgumentException("category " + label + " needs at least one noun");
        }
    }

    public boolean can(Capability c) {
        return capabilities.contains(c);
    }

    public boolean isPerson() {
        return label.equals(World.PERSON);
    }

    /** True for things small enough to rest on a table or the floor and be carried. */
    public boolean isSmall() {
        return can(Capability.PORTABLE) && height < 120;
    }
}
