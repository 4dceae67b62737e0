package org.momentgraph.graph.relation;

import java.util.ArrayList;
import java.util.List;
import org.momentgraph.domain.Box;
import org.momentgraph.graph.track.BoxGeometry;

/**
 * Motion relations from a source to a target, given where each was at two times {@code dt} seconds
 * apart: within one clip (first and last observation) or across neighbouring clips (mean boxes).
 */
public final class MotionRelations {

    private final RelationConfig config;

    public MotionRelations(RelationConfig config) {
        this.config = config;
    }

    /** Relations from a to b; empty when {@code dt} is shorter than {@code minMotionSeconds}. */
    public List<Relation> between(Box a0, Box a1, Box b0, Box b1, double dt) {
        List<Relation> out = new ArrayList<>(2);
        if (!(dt >= config.minMotionSeconds()) || dt <= 0) {
            return out;
        }
        double diag = (BoxGeometry.meanDiagonal(a0, b0) + BoxGeometry.meanDiagonal(a1, b1)) / 2;
        double avx = (a1.centerX() - a0.centerX()) / diag / dt;
        double avy = (a1.centerY() - a0.centerY()) / diag / dt;
        double bvx = (b1.centerX() - b0.centerX()) / diag / dt;
        double bvy = (b1.centerY() - b0.centerY()) / diag / dt;
        double growth = (BoxGeometry.centerDistance(a1, b1) - BoxGeometry.centerDistance(a0, b0)) / diag / dt;
        // approaching needs the source itself to head for the target and the gap to close: a target
        // walking up to a still source, or two boxes moving in step, do not count
        double tx = b0.centerX() - a0.centerX();
        double ty = b0.centerY() - a0.centerY();
        double len = Math.hypot(tx, ty);
        if (len > 0) {
            double toward = Math.min((avx * tx + avy * ty) / len, -growth);
            if (toward >= config.approachMinRate()) {
                out.add(Relation.scaled(RelationType.APPROACHING, toward, config.approachMinRate()));
            }
        }
        if (growth >= config.apartMinRate()) {
            out.add(Relation.scaled(RelationType.MOVING_APART, growth, config.apartMinRate()));
        }
        double sa = Math.hypot(avx, avy);
        double sb = Math.hypot(bvx, bvy);
        double diff = Math.hypot(avx - bvx, avy - bvy);
        double meanSpeed = (sa + sb) / 2;
        if (Math.min(sa, sb) >= config.togetherMinSpeed() && meanSpeed > 0
                && diff <= config.togetherMaxVelocityDiff() * meanSpeed && Math.abs(growth) < config.apartMinRate()) {
            out.add(new Relation(RelationType.MOVING_TOGETHER, Math.max(1e-6, 1 - diff / meanSpeed)));
        }
        return out;
    }
}
