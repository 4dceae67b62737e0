package org.momentgraph.eval.synthetic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the dialogue of a video: around some events the acting person (or someone talking to them)
 * says something about it, naming people; between events there is small talk. The lines carry names
 * that the detector cannot see, which is what makes a query "vt" (video plus subtitle).
 */
final class DialogueWriter {

    /** Probability that an event comes with a line about it. */
    static final double EVENT_LINE_RATE = 0.6;

    private static final Map<Interaction, List<String>> SAID = new EnumMap<>(Interaction.class);
    private static final List<String> ADDRESSED = List.of(
            "{N}, could you get the {o}?", "{N}, what are you doing with the {o}?", "Hey {N}, careful with that {o}.");
    private static final List<String> SMALL_TALK = List.of(
            "Did you hear what happened to Tom?", "I can't believe it's Friday already.", "We should order pizza tonight.",
            "Have you seen my keys anywhere?", "That's not what I said.", "Are you serious right now?",
            "I'm telling you, it was huge.", "Let's talk about it later.", "Who left the lights on?",
            "My mother is coming this weekend.", "I think it's going to rain.", "You never listen to me.");

    static {
        SAID.put(Interaction.HOLDS, List.of("I've got the {o}.", "This {o} is heavier than it looks."));
        SAID.put(Interaction.PICKS_UP, List.of("Let me grab the {o}.", "Oh, there's my {o}.", "I'll take the {o}."));
        SAID.put(Interaction.PUTS_DOWN, List.of("I'll just leave the {o} here.", "Okay, the {o} goes here."));
        SAID.put(Interaction.OPENS, List.of("Let me open the {o}.", "What's inside the {o}?"));
        SAID.put(Interaction.CLOSES, List.of("I'm closing the {o}.", "Somebody left the {o} open again."));
        SAID.put(Interaction.SITS_ON, List.of("I need to sit down.", "Mind if I sit here?"));
        SAID.put(Interaction.STANDS_UP_FROM, List.of("Okay, I'm up.", "Time to get going."));
        SAID.put(Interaction.WALKS_TO, List.of("Wait, I'm coming.", "Be right there."));
        SAID.put(Interaction.THROWS, List.of("Catch!", "Heads up!"));
        SAID.put(Interaction.HANDS_TO, List.of("Here, {R}, take the {o}.", "This is for you, {R}."));
        SAID.put(Interaction.PUSHES, List.of("Help me move this {o}.", "This {o} is in the way."));
        SAID.put(Interaction.KICKS, List.of("Watch this!", "Goal!"));
        SAID.put(Interaction.PETS, List.of("Who's a good boy?", "Hey there, buddy."));
    }

    private DialogueWriter() {
    }

    static List<SubtitleLine> write(SceneState s, List<Event> events, double duration, SplittableRandom rng) {
        List<SubtitleLine> lines = new ArrayList<>();
        List<Entity> people = s.entities.stream().filter(Entity::isPerson).toList();
        for (Event e : events) {
            if (rng.nextDouble() >= EVENT_LINE_RATE) {
                continue;
            }
            Entity subject = s.entity(e.subject());
            String noun = s.entity(e.object()).name();
            String recipient = e.recipient() >= 0 ? s.entity(e.recipient()).name() : "";
            Entity other = people.size() > 1 ? people.get((people.indexOf(subject) + 1) % people.size()) : null;
            String text;
            if (other != null && s.category(e.object()).can(Capability.PORTABLE) && rng.nextDouble() < 0.3) {
                text = other.name() + ": " + pick(ADDRESSED, rng).replace("{N}", subject.name());
            } else {
                text = subject.name() + ": " + pick(SAID.get(e.interaction()), rng).replace("{R}", recipient);
            }
            double start = Math.max(0, e.span().start() - rng.nextDouble());
            double end = Math.min(duration, start + 1.5 + rng.nextDouble() * 1.5);
            lines.add(new SubtitleLine(Motions.round(start), Motions.round(end), text.replace("{o}", noun)));
        }
        for (double t = 1 + rng.nextDouble() * 6; t < duration - 2; t += 6 + rng.nextDouble() * 10) {
            Entity speaker = people.get(rng.nextInt(people.size()));
            lines.add(new SubtitleLine(Motions.round(t), Motions.round(Math.min(duration, t + 2)),
                    speaker.name() + ": " + pick(SMALL_TALK, rng)));
        }
        lines.sort(Comparator.comparingDouble(SubtitleLine::start));
        return List.copyOf(lines);
    }

    private static String pick(List<String> from, SplittableRandom rng) {
        return from.get(rng.nextInt(from.size()));
    }
}
