package org.momentgraph.graph.relation;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.Box;
import org.momentgraph.graph.track.BoxGeometry;

/** Spatial relations from a source box to a target box at one moment (or between two mean boxes). */
public final class SpatialRelations {

    private final RelationConfig config;

    public SpatialRelations(RelationConfig config) {
        this.config = config;
    }

    /**
     * All spatial relations that hold from {@code a} to {@code b}, symmetric ones included (callers that
     * visit both orders keep a symmetric relation once).
     */
    public List<Relation> between(Box a, Box b) {
        List<Relation> out = new ArrayList<>(4);
        double diag = BoxGeometry.meanDiagonal(a, b);
        double inter = a.intersectionArea(b);
        if (inter > 0) {
            double overlap = inter / Math.max(1e-9, Math.min(a.area(), b.area()));
            out.add(new Relation(RelationType.CONTACT, Math.min(1, 0.5 + 0.5 * overlap)));
        } else {
            double gap = BoxGeometry.gap(a, b) / diag;
            if (gap <= config.contactMaxGap()) {
                double s = config.contactMaxGap() == 0 ? 0.5 : 0.5 * (1 - gap / config.contactMaxGap());
                out.add(new Relation(RelationType.CONTACT, Math.max(1e-6, s)));
            }
        }
        double dist = BoxGeometry.centerDistance(a, b) / diag;
        if (dist <= config.nearMaxDistance()) {
            double s = config.nearMaxDistance() == 0 ? 1 : 1 - dist / config.nearMaxDistance();
            out.add(new Relation(RelationType.NEAR, Math.max(1e-6, s)));
        }
        if (a.area() > 0 && inter / a.area() >= config.insideMinFraction()
                && a.area() <= config.insideMaxAreaRatio() * b.area()) {
            out.add(new Relation(RelationType.INSIDE, inter / a.area()));
        }
        if (dist <= config.directionMaxDistance()) {
            double dx = (b.centerX() - a.centerX()) / Math.max(1e-9, (a.width() + b.width()) / 2);
            double dy = (b.centerY() - a.centerY()) / Math.max(1e-9, (a.height() + b.height()) / 2);
            if (Math.abs(dx) >= config.directionMargin() && Math.abs(dx) > 0) {
                out.add(Relation.scaled(dx > 0 ? RelationType.LEFT_OF : RelationType.RIGHT_OF,
                        Math.abs(dx), config.directionMargin()));
            }
            if (Math.abs(dy) >= config.directionMargin() && Math.abs(dy) > 0) {
                out.add(Relation.scaled(dy > 0 ? RelationType.ABOVE : RelationType.BELOW,
                        Math.abs(dy), config.directionMargin()));
            }
        }
        return out;
    }
}
