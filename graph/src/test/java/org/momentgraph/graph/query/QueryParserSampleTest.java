package org.momentgraph.graph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.momentgraph.domain.SharedData;

/**
 * Hand-checked parses of real queries: 32 TVR dev descriptions and 18 Charades-STA test queries.
 * The expectations are what a reader takes the sentence to say (entities as lemmas, predicate
 * phrases, subject|predicate|object triples), written down before looking at the parser's output.
 */
class QueryParserSampleTest {

    private static QueryParser parser;

    @BeforeAll
    static void load() {
        parser = QueryParser.load();
    }

    static Stream<Arguments> tvr() {
        return Stream.of(
                c("Sheldon sits down in his spot on the couch.", "sheldon, spot, couch", "sit down in, on",
                        "sheldon|sit down in|spot; spot|on|couch"),
                c("Howard took a white drone from the hold of Raj.", "howard, white drone, hold, raj", "take, from, of",
                        "howard|take|white drone; white drone|from|hold; hold|of|raj"),
                c("Sheldon gets his laundry basket and leaves the room.", "sheldon, laundry basket, room", "get, leave",
                        "sheldon|get|laundry basket; sheldon|leave|room"),
                c("Leonard goes to closet and pulls out a gift for Penny.", "leonard, closet, gift, penny",
                        "go to, pull out, for", "leonard|go to|closet; leonard|pull out|gift; gift|for|penny"),
                c("Sheldon puts down his food and picks up his cell phone.", "sheldon, food, cell phone", "put down, pick up",
                        "sheldon|put down|food; sheldon|pick up|cell phone"),
                c("Sheldon folds a blue folding board and places it in his laundry basket.",
                        "sheldon, blue folding board, laundry basket", "fold, place, in",
                        "sheldon|fold|blue folding board; sheldon|place|blue folding board; blue folding board|in|laundry basket"),
                c("Amy turns off the camera and walks over to Sheldon.", "amy, camera, sheldon", "turn off, walk over to",
                        "amy|turn off|camera; amy|walk over to|sheldon"),
                c("Amy rises off the sofa and takes a book from Penny's hands.", "amy, sofa, book, penny, hand",
                        "rise off, take, from, have", "amy|rise off|sofa; amy|take|book; book|from|hand; penny|have|hand"),
                c("Sheldon writes on the clipboard and hands it to Stuart.", "sheldon, clipboard, stuart",
                        "write on, hand, to", "sheldon|write on|clipboard; sheldon|hand|clipboard; clipboard|to|stuart"),
                c("Raj is sitting next to Howard with a water bottle in his hand.", "raj, howard, water bottle, hand",
                        "sit next to, with, in", "raj|sit next to|howard; raj|with|water bottle; water bottle|in|hand"),
                c("Leonard and Penny are posing in front of a photographer.", "leonard, penny, photographer",
                        "pose in front of", "leonard|pose in front of|photographer; penny|pose in front of|photographer"),
                c("Howard and Raj are sitting on Raj's couch playing video games.", "howard, raj, couch, video game",
                        "sit on, have, play", "howard|sit on|couch; raj|sit on|couch; raj|have|couch; howard|play|video game"),
                c("Howard leaves Raj's apartment and walks down the hall.", "howard, raj, apartment, hall",
                        "leave, have, walk down", "howard|leave|apartment; raj|have|apartment; howard|walk down|hall"),
                c("Amy gets up and grabs the tablet from Penny.", "amy, tablet, penny", "get up, grab, from",
                        "amy|grab|tablet; tablet|from|penny"),
                c("Sheldon is sitting across from Page in her office.", "sheldon, page, office", "sit across from, in",
                        "sheldon|sit across from|page; page|in|office"),
                c("Emily kisses Raj then he bends over to open his laptop.", "emily, raj, laptop", "kiss, bend over, open",
                        "emily|kiss|raj; raj|open|laptop"),
                c("Penny walks over to the trash can and throw something away.", "penny, trash can, something",
                        "walk over to, throw away", "penny|walk over to|trash can; penny|throw away|something"),
                c("Raj opens the door and enters the office.", "raj, door, office", "open, enter",
                        "raj|open|door; raj|enter|office"),
                c("Sheldon picks his jacket up from a chair and throws it over his arm.", "sheldon, jacket, chair, arm",
                        "pick up, from, throw, over", "sheldon|pick up|jacket; jacket|from|chair; sheldon|throw|jacket; jacket|over|arm"),
                c("Leonard takes his shoulder bag off and drops it on the floor.", "leonard, shoulder bag, floor",
                        "take off, drop, on", "leonard|take off|shoulder bag; leonard|drop|shoulder bag; shoulder bag|on|floor"),
                c("Sheldon talks incessantly about physics while Leonard and Penny sit on the couch and Penny makes a funny comment.",
                        "sheldon, physics, leonard, penny, couch, funny comment", "talk about, sit on, make",
                        "sheldon|talk about|physics; leonard|sit on|couch; penny|sit on|couch; penny|make|funny comment"),
                c("Sheldon does a yoga pose with Penny.", "sheldon, yoga pose, penny", "do, with",
                        "sheldon|do|yoga pose; sheldon|with|penny"),
                c("Leonard and Raj knock on Sheldon's door before coming into his bedroom.",
                        "leonard, raj, sheldon, door, bedroom", "knock on, have, come into",
                        "leonard|knock on|door; raj|knock on|door; sheldon|have|door; leonard|come into|bedroom"),
                c("Amy makes a face when talking to Leonard and he stares at her.", "amy, face, leonard",
                        "make, talk to, stare at", "amy|make|face; amy|talk to|leonard; leonard|stare at|amy"),
                c("Bernadette puts the magazines on the coffee table, gets up and walks towards the kitchen.",
                        "bernadette, magazine, coffee table, kitchen", "put, on, get up, walk towards",
                        "bernadette|put|magazine; magazine|on|coffee table; bernadette|walk towards|kitchen"),
                c("Amy raises her left hand to her mouth.", "amy, left hand, mouth", "raise, to",
                        "amy|raise|left hand; left hand|to|mouth"),
                c("Howard gets up from the bed and takes out his cell phone.", "howard, bed, cell phone",
                        "get up from, take out", "howard|get up from|bed; howard|take out|cell phone"),
                c("Wil Wheaton walks in the comic book store and Howard runs over to him.",
                        "wil wheaton, comic book store, howard", "walk in, run over to",
                        "wil wheaton|walk in|comic book store; howard|run over to|wil wheaton"),
                c("Sheldon attempts to give a tablet for Leonard to sign.", "sheldon, tablet, leonard", "give, for, sign",
                        "sheldon|give|tablet; tablet|for|leonard"),
                c("Raj talks to his phone, puts it down and then looks at his laptop.", "raj, phone, laptop",
                        "talk to, put down, look at", "raj|talk to|phone; raj|put down|phone; raj|look at|laptop"),
                c("Howard nods his head then tells Leonard his screen name.", "howard, head, leonard, screen name",
                        "nod, tell", "howard|nod|head; howard|tell|leonard; howard|tell|screen name"),
                c("Sheldon is looking at Penny then turns his head away and stares at the wall.",
                        "sheldon, penny, head, wall", "look at, turn away, stare at",
                        "sheldon|look at|penny; sheldon|turn away|head; sheldon|stare at|wall"));
    }

    static Stream<Arguments> charades() {
        return Stream.of(
                c("person turn a light on.", "person, light", "turn on", "person|turn on|light"),
                c("person flipped the light switch near the door.", "person, light switch, door", "flip, near",
                        "person|flip|light switch; light switch|near|door"),
                c("person turn the light switch on.", "person, light switch", "turn on", "person|turn on|light switch"),
                c("person drinks from a cup.", "person, cup", "drink from", "person|drink from|cup"),
                c("a person is opening the closet door.", "person, closet door", "open", "person|open|closet door"),
                c("person they put the bag over their head.", "person, bag, head", "put, over",
                        "person|put|bag; bag|over|head"),
                c("the person is also watching television.", "person, television", "watch", "person|watch|television"),
                c("person sitting in a chair.", "person, chair", "sit in", "person|sit in|chair"),
                c("person puts the others back in the box.", "person, other, box", "put back, in",
                        "person|put back|other; other|in|box"),
                c("person opens it up to take some clothes out.", "person, it, clothes", "open up, take out",
                        "person|open up|it; person|take out|clothes"),
                c("a person through a doorway walks to a closet.", "person, doorway, closet", "through, walk to",
                        "person|through|doorway; person|walk to|closet"),
                c("person walks over to the refrigerator open it up.", "person, refrigerator", "walk over to, open up",
                        "person|walk over to|refrigerator; person|open up|refrigerator"),
                c("person laughs at the tv.", "person, tv", "laugh at", "person|laugh at|tv"),
                c("person puts items onto a shelf.", "person, item, shelf", "put, onto", "person|put|item; item|onto|shelf"),
                c("person put on the shoes.", "person, shoe", "put on", "person|put on|shoe"),
                c("person they put the dishes down.", "person, dish", "put down", "person|put down|dish"),
                c("the person takes a drink from a water bottle.", "person, drink, water bottle", "take, from",
                        "person|take|drink; drink|from|water bottle"),
                c("person takes several pictures of different things in the room.", "person, picture, different thing, room",
                        "take, of, in", "person|take|picture; picture|of|different thing; different thing|in|room"));
    }

    private static Arguments c(String text, String entities, String predicates, String triples) {
        return Arguments.of(text, split(entities, ","), split(predicates, ","), split(triples, ";"));
    }

    private static List<String> split(String s, String sep) {
        return Arrays.stream(s.split(sep)).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"tvr", "charades"})
    void parsesAsAReaderWould(String text, List<String> entities, List<String> predicates, List<String> triples) {
        QueryGraph g = parser.parse(text);
        assertThat(g.entities().stream().map(QueryNode::lemma)).as(g.toString()).containsExactlyInAnyOrderElementsOf(entities);
        assertThat(g.predicates().stream().map(QueryNode::lemma)).as(g.toString()).containsAll(predicates);
        assertThat(g.triples().stream().map(Triple::lemmas)).as(g.toString()).containsAll(triples);
    }

    @Test
    void sampleSentencesAreRealQueries() throws IOException {
        String tvr = Files.readString(SharedData.file("tvr_tvqaplus/tvr_dev_queries.jsonl"));
        String charades = Files.readString(SharedData.file("charades_sta/charades_sta_test.txt"));
        assertThat(tvr().count() + charades().count()).isGreaterThanOrEqualTo(30);
        tvr().forEach(a -> assertThat(tvr).contains((String) a.get()[0]));
        charades().forEach(a -> assertThat(charades).contains("##" + a.get()[0]));
    }

    @Test
    void subjectsWithoutObjectsAndPronounsResolve() {
        QueryGraph g = parser.parse("Emily kisses Raj then he bends over to open his laptop.");
        QueryNode bend = g.predicates().stream().filter(p -> p.lemma().equals("bend over")).findFirst().orElseThrow();
        assertThat(g.subjectsOf(bend)).extracting(QueryNode::lemma).containsExactly("raj");
        QueryGraph undress = parser.parse("the person begins undressing.");
        assertThat(undress.predicates()).extracting(QueryNode::lemma).containsExactly("undress");
        assertThat(undress.subjectsOf(undress.predicates().get(0))).extracting(QueryNode::lemma).containsExactly("person");
        QueryGraph sign = parser.parse("Sheldon attempts to give a tablet for Leonard to sign.");
        QueryNode signs = sign.predicates().stream().filter(p -> p.lemma().equals("sign")).findFirst().orElseThrow();
        assertThat(sign.subjectsOf(signs)).extracting(QueryNode::lemma).containsExactly("leonard");
    }

    @Test
    void temporalConnectivesOrderActions() {
        assertThat(order("Emily kisses Raj then he bends over to open his laptop.")).containsExactly("kiss<bend over");
        assertThat(order("Leonard and Raj knock on Sheldon's door before coming into his bedroom."))
                .containsExactly("knock on<come into");
        assertThat(order("person opens the door after putting down the bag.")).containsExactly("put down<open");
        assertThat(order("After Sheldon leaves, Penny sits on the couch.")).containsExactly("leave<sit on");
        assertThat(order("Raj talks to his phone, puts it down and then looks at his laptop."))
                .containsExactly("put down<look at");
        assertThat(order("Raj opens the door and finds a man in a military uniform standing there and is somewhat "
                + "frightened but greets him after awhile.")).isEmpty();
    }

    private static List<String> order(String text) {
        return parser.parse(text).temporalOrder().stream().map(p -> p[0].lemma() + "<" + p[1].lemma()).toList();
    }
}
