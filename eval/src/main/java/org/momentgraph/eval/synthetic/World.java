package org.momentgraph.eval.synthetic;

import static org.momentgraph.eval.synthetic.Capability.ANIMAL;
import static org.momentgraph.eval.synthetic.Capability.KICKABLE;
import static org.momentgraph.eval.synthetic.Capability.LANDMARK;
import static org.momentgraph.eval.synthetic.Capability.OPENABLE;
import static org.momentgraph.eval.synthetic.Capability.PORTABLE;
import static org.momentgraph.eval.synthetic.Capability.PUSHABLE;
import static org.momentgraph.eval.synthetic.Capability.SEATABLE;
import static org.momentgraph.eval.synthetic.Capability.SURFACE;
import static org.momentgraph.eval.synthetic.Capability.THROWABLE;
import static org.momentgraph.eval.synthetic.Capability.WALL_MOUNTED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The synthetic world: object categories, named actors and scenes. Frames are {@link #FRAME_WIDTH} x
 * {@link #FRAME_HEIGHT} pixels seen from the side; everything stands on the floor line {@link #FLOOR_Y}
 * except wall-mounted things and small objects resting on a surface.
 */
public final class World {

    public static final String PERSON = "person";
    public static final double FRAME_WIDTH = 1280;
    public static final double FRAME_HEIGHT = 720;
    public static final double FLOOR_Y = 690;

    /** A named actor; the detector only ever says "person". */
    public record Actor(String name, boolean female) {
    }

    /** A kind of room: the categories it draws its objects from. */
    public record Scene(String name, List<String> furniture, List<String> objects) {
    }

    private static final World STANDARD = new World();

    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final List<Actor> actors = List.of(
            new Actor("Alice", true), new Actor("Bob", false), new Actor("Carol", true), new Actor("David", false),
            new Actor("Emma", true), new Actor("Frank", false), new Actor("Grace", true), new Actor("Henry", false),
            new Actor("Iris", true), new Actor("Jack", false), new Actor("Kate", true), new Actor("Leo", false),
            new Actor("Maya", true), new Actor("Noah", false), new Actor("Olivia", true), new Actor("Paul", false));
    private final List<Scene> scenes = List.of(
            new Scene("kitchen", List.of("fridge", "table", "chair", "cabinet"),
                    List.of("cup", "mug", "bottle", "glass", "plate", "phone", "bag", "box")),
            new Scene("living room", List.of("sofa", "table", "chair", "window"),
                    List.of("remote", "book", "pillow", "ball", "phone", "laptop", "mug", "dog", "cup")),
            new Scene("bedroom", List.of("bed", "window", "chair", "cabinet"),
                    List.of("pillow", "book", "phone", "bag", "laptop", "glass", "umbrella")),
            new Scene("office", List.of("table", "chair", "door", "window"),
                    List.of("laptop", "phone", "mug", "cup", "book", "box", "bottle", "bag")),
            new Scene("hallway", List.of("door", "chair", "cabinet", "sofa"),
                    List.of("bag", "umbrella", "box", "ball", "dog", "phone", "bottle", "book")));

    private World() {
        add(PERSON, 110, 330, List.of("person"), Set.of());
        add("dog", 120, 80, List.of("dog", "puppy"), Set.of(ANIMAL), "cat");
        add("cat", 70, 50, List.of("cat", "kitten"), Set.of(ANIMAL), "dog");
        add("cup", 26, 32, List.of("cup", "coffee cup", "teacup"), Set.of(PORTABLE), "mug", "glass");
        add("mug", 30, 34, List.of("mug", "coffee mug"), Set.of(PORTABLE), "cup", "bottle");
        add("bottle", 24, 64, List.of("bottle", "water bottle"), Set.of(PORTABLE, THROWABLE), "glass", "mug");
        add("glass", 22, 38, List.of("glass", "drinking glass"), Set.of(PORTABLE), "cup", "bottle");
        add("plate", 60, 12, List.of("plate", "dish"), Set.of(PORTABLE), "book");
        add("phone", 18, 34, List.of("phone", "cellphone", "smartphone"), Set.of(PORTABLE, THROWABLE), "remote");
        add("remote", 14, 40, List.of("remote", "remote control", "TV remote"), Set.of(PORTABLE, THROWABLE), "phone");
        add("book", 40, 52, List.of("book", "novel", "notebook"), Set.of(PORTABLE, THROWABLE, OPENABLE), "laptop");
        add("laptop", 80, 14, List.of("laptop", "computer", "notebook computer"), Set.of(PORTABLE, OPENABLE), "book");
        add("bag", 70, 80, List.of("bag", "backpack", "handbag"), Set.of(PORTABLE, OPENABLE, PUSHABLE), "box");
        add("box", 80, 60, List.of("box", "cardboard box", "package"), Set.of(PORTABLE, OPENABLE, PUSHABLE), "bag");
        add("ball", 36, 36, List.of("ball", "football", "soccer ball"), Set.of(PORTABLE, THROWABLE, KICKABLE), "pillow");
        add("pillow", 70, 40, List.of("pillow", "cushion"), Set.of(PORTABLE, THROWABLE), "ball");
        add("umbrella", 20, 90, List.of("umbrella"), Set.of(PORTABLE, OPENABLE), "bag");
        add("door", 150, 400, List.of("door", "front door"), Set.of(LANDMARK, OPENABLE), "cabinet", "fridge");
        add("window", 200, 160, List.of("window"), Set.of(LANDMARK, OPENABLE, WALL_MOUNTED), "door");
        add("fridge", 160, 380, List.of("fridge", "refrigerator"), Set.of(LANDMARK, OPENABLE), "cabinet", "door");
        add("cabinet", 140, 220, List.of("cabinet", "cupboard"), Set.of(LANDMARK, OPENABLE), "fridge");
        add("chair", 110, 190, List.of("chair", "seat"), Set.of(LANDMARK, SEATABLE, PUSHABLE), "sofa");
        add("sofa", 320, 170, List.of("sofa", "couch"), Set.of(LANDMARK, SEATABLE), "chair", "bed");
        add("bed", 360, 180, List.of("bed"), Set.of(LANDMARK, SEATABLE), "sofa");
        add("table", 260, 150, List.of("table", "desk"), Set.of(LANDMARK, SURFACE), "bed");
    }

    public static World standard() {
        return STANDARD;
    }

    private void add(String label, double w, double h, List<String> nouns, Set<Capability> caps, String... confusable) {
        categories.put(label, new Category(label, w, h, nouns, caps, List.of(confusable)));
    }

    public Category category(String label) {
        Category c = categories.get(label);
        if (c == null) {
            throw new IllegalArgumentException("unknown category " + label);
        }
        return c;
    }

    /** All categories in a fixed order (the order also fixes their appearance vectors). */
    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    public List<Actor> actors() {
        return actors;
    }

    public List<Scene> scenes() {
        return scenes;
    }
}
