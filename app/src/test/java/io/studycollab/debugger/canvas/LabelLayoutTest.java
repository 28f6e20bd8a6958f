package io.studycollab.debugger.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.studycollab.debugger.canvas.LabelLayout.Kind;
import io.studycollab.debugger.canvas.LabelLayout.Placement;
import io.studycollab.debugger.canvas.LabelLayout.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Name tags placed so none covers another: numbers, no window. */
class LabelLayoutTest {

    private static Tag tag(double x, double y) {
        return new Tag(x, y, 70, 30);
    }

    @Test
    void aLonePointerKeepsItsTagBelowRight() {
        List<Placement> p = LabelLayout.place(List.of(tag(100, 100)), 800, 600);
        assertEquals(new Placement(Kind.FULL, 112, 114, 0), p.get(0));
        assertEquals(LabelLayout.usual(tag(100, 100)), p.get(0));
    }

    @Test
    void twoPointersOnTopOfEachOtherGetTagsInDifferentCorners() {
        List<Placement> p = LabelLayout.place(List.of(tag(100, 100), tag(101, 101)), 800, 600);
        assertEquals(Kind.FULL, p.get(1).kind());
        assertFalse(overlap(p.get(0), 70, p.get(1), 70));
        assertEquals(101 + 12, p.get(1).left(), "the next free corner: above right");
        assertTrue(p.get(1).top() < 101);
    }

    @Test
    void aCrowdGetsFullThenShortThenNoTagsAndNoTwoOverlap() {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tags.add(tag(200 + i, 200 + i));
        }
        List<Placement> p = LabelLayout.place(tags, 800, 600);
        assertEquals(4, count(p, Kind.FULL), "one full tag per corner");
        assertTrue(count(p, Kind.HIDDEN) > 0, "the rest would cover each other");
        assertNoOverlap(tags, p);
    }

    @Test
    void fiftyWanderingUsersNeverGetOverlappingTags() {
        Random r = new Random(7);
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tags.add(new Tag(r.nextDouble() * 600, r.nextDouble() * 360, 60 + r.nextInt(20), 28));
        }
        List<Placement> p = LabelLayout.place(tags, 600, 360);
        assertNoOverlap(tags, p);
        assertTrue(count(p, Kind.FULL) > 25, "most keep their full name: " + count(p, Kind.FULL));
    }

    @Test
    void aTagAtTheRightOrBottomEdgeTurnsInward() {
        Placement p = LabelLayout.place(List.of(tag(780, 590)), 800, 600).get(0);
        assertEquals(Kind.FULL, p.kind());
        assertTrue(p.left() >= 0 && p.left() + 70 <= 800, "inside horizontally: " + p);
        assertTrue(p.top() >= 0 && p.top() + LabelLayout.HEIGHT <= 600, "inside vertically: " + p);
    }

    @Test
    void whenOnlyTheShortNameFitsItIsUsed() {
        // Two tags to the right block a long name's right-hand corners; its left ones are off the view.
        List<Tag> tags = List.of(new Tag(300, 100, 40, 20), new Tag(300, 80, 40, 20), new Tag(100, 100, 250, 20));
        List<Placement> p = LabelLayout.place(tags, 800, 600);
        assertEquals(new Placement(Kind.FULL, 312, 94, 0), p.get(1));
        assertEquals(new Placement(Kind.SHORT, 112, 114, 0), p.get(2), p.toString());
        assertNoOverlap(tags, p);
    }

    @Test
    void aTagStaysInLastFramesCornerWhileItIsFree() {
        // Above left last frame: kept there although below right is free too.
        Placement p = LabelLayout.place(List.of(new Tag(400, 300, 70, 30, 3)), 800, 600)
                .get(0);
        assertEquals(new Placement(Kind.FULL, 400 - 70 - 4, 300 - LabelLayout.HEIGHT - 2, 3), p);
        // Once that corner is taken the usual order applies again.
        List<Placement> two = LabelLayout.place(List.of(tag(400, 300), new Tag(400, 300, 70, 30, 0)), 800, 600);
        assertEquals(1, two.get(1).corner(), "above right, the next in the usual order");
    }

    @Test
    void theStatusNoteStaysClear() {
        // The note along the bottom left: a tag that would go there turns up and over instead.
        List<double[]> note = List.<double[]>of(new double[] {0, 578, 300});
        Placement p = LabelLayout.place(List.of(tag(100, 560)), 800, 600, note).get(0);
        assertEquals(Kind.FULL, p.kind());
        assertTrue(p.top() + LabelLayout.HEIGHT <= 578, "above the note: " + p);
    }

    @Test
    void aFullNameOnlyPartlyInTheViewIsBetterThanNone() {
        // A wide view-filling tag: no corner is inside, yet it is drawn rather than lost.
        Placement p =
                LabelLayout.place(List.of(new Tag(50, 50, 300, 300)), 200, 100).get(0);
        assertEquals(Kind.FULL, p.kind());
    }

    private static long count(List<Placement> p, Kind kind) {
        return p.stream().filter(x -> x.kind() == kind).count();
    }

    private static double width(Tag t, Placement p) {
        return p.kind() == Kind.FULL ? t.fullWidth() : t.shortWidth();
    }

    private static void assertNoOverlap(List<Tag> tags, List<Placement> p) {
        for (int i = 0; i < p.size(); i++) {
            for (int j = i + 1; j < p.size(); j++) {
                if (p.get(i).kind() != Kind.HIDDEN && p.get(j).kind() != Kind.HIDDEN) {
                    assertFalse(
                            overlap(p.get(i), width(tags.get(i), p.get(i)), p.get(j), width(tags.get(j), p.get(j))),
                            i + " " + p.get(i) + " covers " + j + " " + p.get(j));
                }
            }
        }
    }

    private static boolean overlap(Placement a, double aw, Placement b, double bw) {
        return a.left() < b.left() + bw
                && b.left() < a.left() + aw
                && a.top() < b.top() + LabelLayout.HEIGHT
                && b.top() < a.top() + LabelLayout.HEIGHT;
    }
}
