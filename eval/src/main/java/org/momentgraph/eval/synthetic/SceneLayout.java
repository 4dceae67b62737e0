package org.momentgraph.eval.synthetic;

import static org.momentgraph.eval.synthetic.World.FLOOR_Y;
import static org.momentgraph.eval.synthetic.World.FRAME_WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.momentgraph.domain.Box;

/** Draws a room for one video: a scene, 1-3 named actors and a few pieces of furniture and objects. */
final class SceneLayout {

    static final int MAX_ENTITIES = 6;

    private SceneLayout() {
    }

    static SceneState layOut(World world, SplittableRandom rng) {
        World.Scene scene = world.scenes().get(rng.nextInt(world.scenes().size()));
        double p = rng.nextDouble();
        int persons = p < 0.35 ? 1 : p < 0.85 ? 2 : 3;
        int furniture = 1 + rng.nextInt(2);
        int objects = Math.max(1, Math.min(1 + rng.nextInt(3), MAX_ENTITIES - persons - furniture));

        List<Entity> entities = new ArrayList<>();
        List<Box> floorBoxes = new ArrayList<>();
        Box table = null;
        int tableIndex = -1;
        for (String label : pick(scene.furniture(), furniture, rng)) {
            Category c = world.category(label);
            Box box = freeSpot(c, floorBoxes, rng);
            floorBoxes.add(box);
            if (label.equals("table")) {
                table = box;
                tableIndex = entities.size();
            }
            entities.add(new Entity(entities.size(), c, null, new Track(box)));
        }
        List<int[]> onTable = new ArrayList<>();
        for (String label : pick(scene.objects(), objects, rng)) {
            Category c = world.category(label);
            Box box;
            if (table != null && c.isSmall() && rng.nextDouble() < 0.7) {
                double cx = table.x1() + 20 + c.width() / 2 + rng.nextDouble() * (table.width() - 40 - c.width());
                box = Geometry.resting(c, cx, table.y1());
                onTable.add(new int[] {entities.size(), tableIndex});
            } else {
                box = freeSpot(c, floorBoxes, rng);
                floorBoxes.add(box);
            }
            entities.add(new Entity(entities.size(), c, null, new Track(box)));
        }
        List<World.Actor> cast = pick(world.actors(), persons, rng);
        List<Double> personX = new ArrayList<>();
        for (World.Actor actor : cast) {
            double cx = 0;
            for (int attempt = 0; attempt < 50; attempt++) {
                cx = Geometry.MARGIN + rng.nextDouble() * (FRAME_WIDTH - 2 * Geometry.MARGIN);
                final double x = cx;
                if (personX.stream().allMatch(o -> Math.abs(o - x) > 150)) {
                    break;
                }
            }
            personX.add(cx);
            entities.add(new Entity(entities.size(), world.category(World.PERSON), actor, new Track(Geometry.standing(cx))));
        }
        SceneState state = new SceneState(scene, entities);
        for (int[] pair : onTable) {
            state.restsOn[pair[0]] = pair[1];
        }
        for (int i = 0; i < persons; i++) {
            state.facing[entities.size() - persons + i] = rng.nextBoolean() ? 1 : -1;
        }
        return state;
    }

    /** A floor (or wall) position that does not overlap what is already placed, if one is found. */
    private static Box freeSpot(Category c, List<Box> taken, SplittableRandom rng) {
        Box box = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            double half = c.width() / 2 + 20;
            double cx = half + rng.nextDouble() * (FRAME_WIDTH - 2 * half);
            box = Geometry.placed(c, cx);
            Box b = box;
            if (taken.stream().noneMatch(t -> overlapsX(t, b))) {
                return box;
            }
        }
        return box;
    }

    private static boolean overlapsX(Box a, Box b) {
        boolean sameLayer = (a.y2() >= FLOOR_Y - 1) == (b.y2() >= FLOOR_Y - 1);
        return sameLayer && Math.min(a.x2(), b.x2()) > Math.max(a.x1(), b.x1()) - 30;
    }

    /** k distinct items in a seeded random order. */
    static <T> List<T> pick(List<T> from, int k, SplittableRandom rng) {
        List<T> pool = new ArrayList<>(from);
        List<T> out = new ArrayList<>();
        while (out.size() < k && !pool.isEmpty()) {
            out.add(pool.remove(rng.nextInt(pool.size())));
        }
        return out;
    }
}
